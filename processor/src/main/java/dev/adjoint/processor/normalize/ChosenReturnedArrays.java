package dev.adjoint.processor.normalize;

import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of helpers that return an array they received on one path and a new array on another
 * ({@code maybeCopy(v, copy)} returning {@code v} or a modified {@code v.clone()}), which no
 * single alias describes (see {@link ReturnedArgumentCalls}). The call keeps its result, in a
 * temporary with a shadow of its own, and the caller's variable is chosen by reference identity
 * among the arguments the helper may return: {@code double[] q = maybeCopy(x, c);} becomes
 * {@code double[] r = maybeCopy(x, c); double[] q = r == x ? x : r;}. The shadow follows the
 * choice (Enzyme's model, the shadow mirrors the reference): on the path returning {@code x},
 * {@code q} and its shadow are {@code x}'s, so writes through either name reach one array and one
 * adjoint, and the call's own result shadow stays zero, so the helper's reverse of
 * {@code return v;} adds nothing twice; on the other path {@code q} is the new array.
 *
 * <p>Only a statement {@code q = f(a, …);} (or a declaration) with a {@code double[]} result, of
 * a helper that writes into none of its arrays, whose array arguments are variables of the
 * result's type (so that the helper cannot return a row of one), is rewritten; any other call stays as it is and the activity
 * analysis reports it.
 */
public final class ChosenReturnedArrays {
  /** The name of the temporary that holds such a call's result; marks the call as followed. */
  private static final String RESULT_NAME = "returnedOrNew";

  private final RuleTable rules;
  private final List<Variable> temporaries = new ArrayList<>();

  private ChosenReturnedArrays(RuleTable rules) {
    this.rules = rules;
  }

  /** {@code ir} with such calls rewritten; {@code ir} itself when there is none. */
  public static MethodIr apply(MethodIr ir, RuleTable rules) {
    ChosenReturnedArrays pass = new ChosenReturnedArrays(rules);
    List<Stmt> body = pass.list(ir.body().stmts());
    if (pass.temporaries.isEmpty()) {
      return ir;
    }
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.addAll(pass.temporaries);
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        locals, ir.result(), new Stmt.Block(ir.body().label(), body, ir.body().tree()));
  }

  /**
   * Whether {@code s} assigns the result of such a call to its temporary: the call is followed
   * (the activity analysis does not report it).
   */
  public static boolean holdsChosenResult(Stmt s) {
    return s instanceof Stmt.Assign a && a.target().origin() == Variable.Origin.TEMPORARY
        && a.target().sourceName().equals(RESULT_NAME) && a.value() instanceof Expr.Call;
  }

  private List<Stmt> list(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Call c && follows(a, c)) {
        Variable held = new Variable(RESULT_NAME, c.type(), Variable.Origin.TEMPORARY,
            a.tree());
        temporaries.add(held);
        out.add(new Stmt.Assign(held, c, true, a.tree()));
        out.add(new Stmt.Assign(a.target(), chosen(held, c), a.declaration(), a.tree()));
      } else {
        out.add(StmtRewrite.apply(s, e -> e, this::list));
      }
    }
    return out;
  }

  /** {@code r == a1 ? a1 : r == a2 ? a2 : … : r} over the array arguments. */
  private static Expr chosen(Variable held, Expr.Call c) {
    Expr result = new Expr.VarRef(held, c.tree());
    List<Expr> args = c.args();
    for (int k = args.size() - 1; k >= 0; k--) {
      Expr arg = args.get(k);
      if (!arg.type().isArray()) {
        continue;
      }
      Expr same = new Expr.Binary(BinaryOp.EQUAL, new Expr.VarRef(held, c.tree()), arg,
          IrType.BOOLEAN, c.tree());
      result = new Expr.Conditional(same, arg, result, c.type(), c.tree());
    }
    return result;
  }

  private boolean follows(Stmt.Assign a, Expr.Call c) {
    // one-dimensional: a new matrix could share rows with an argument, whose shadow rows it
    // would not share
    if (c.type().kind() != IrType.Kind.DOUBLE_ARRAY || c.receiver() != null
        || c.args().size() != c.method().getParameters().size()
        || !(rules.ruleFor(c.method()).orElse(null) instanceof AdjointCallRule)
        || rules.returnedArgument(c.method()).isPresent()
        || !rules.mayReturnArrayArgument(c.method()) || WritingCalls.writes(c, rules)) {
      return false;
    }
    boolean any = false;
    for (Expr arg : c.args()) {
      if (arg.type().isArray()) {
        if (!arg.type().equals(c.type()) || !(arg instanceof Expr.VarRef)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }
}
