package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Keeps Java's left-to-right evaluation order once side effects inside an expression ({@code
 * i++}, {@code x += e}, a switch expression's block) have been lowered into statements that run
 * before the expression. An operand lowered earlier is evaluated, in the IR, only after those
 * statements; where they change what it reads, it is captured into a temporary placed just
 * before them, which is where Java evaluates it.
 *
 * <p>Usage: note {@code out.size()} before lowering a later operand, then pass each earlier
 * operand, in evaluation order, to {@link #before}.
 */
final class EvaluationOrder {
  private final List<Stmt> out;
  private final LoweringContext context;
  private final Set<Variable> assigned = new HashSet<>();
  private final Set<Variable> writtenArrays = new HashSet<>();
  private boolean calls;
  private int insertAt;

  /** The statements appended to {@code out} from {@code mark} on are those the operand ran. */
  EvaluationOrder(List<Stmt> out, int mark, LoweringContext context) {
    this.out = out;
    this.context = context;
    this.insertAt = mark;
    for (Stmt s : out.subList(mark, out.size())) {
      IrWalk.statements(s, c -> {
        if (c instanceof Stmt.Assign a) {
          assigned.add(a.target());
        } else if (c instanceof Stmt.ArrayWrite w) {
          Variable root = IrWalk.root(w.array());
          if (root != null) {
            writtenArrays.add(root);
          }
        }
        IrWalk.ownExpressions(c, e -> IrWalk.expressions(e, n -> {
          if (n instanceof Expr.Call) {
            calls = true;
          }
        }));
      });
    }
  }

  /** Whether the later operand ran any statement at all. */
  boolean changesNothing() {
    return assigned.isEmpty() && writtenArrays.isEmpty() && !calls;
  }

  /**
   * {@code earlier} as Java evaluates it, before the later operand's statements: itself when
   * they cannot change it, else a temporary holding its value (or, for a row {@code m[i]}, the
   * row with its index held). Null when it cannot be held (an array a call returns, an object).
   */
  Expr before(Expr earlier) {
    if (ExpressionLowering.isPoison(earlier) || !dependsOnEffects(earlier)) {
      return earlier;
    }
    IrType type = earlier.type();
    if (isHoldable(type)) {
      Variable held = context.newTemporary("evaluated", type, earlier.tree());
      out.add(insertAt++, new Stmt.Assign(held, earlier, true, earlier.tree()));
      return new Expr.VarRef(held, earlier.tree());
    }
    if (earlier instanceof Expr.VarRef r && type.isArray() && !assigned.contains(r.variable())) {
      return earlier; // element writes do not change which array the variable holds
    }
    if (earlier instanceof Expr.ArrayRead row && type.isArray()) {
      Expr array = before(row.array());
      Expr index = array == null ? null : before(row.index());
      return index == null ? null : new Expr.ArrayRead(array, index, type, row.tree());
    }
    return null;
  }

  private static boolean isHoldable(IrType type) {
    return type.isPrimitive() && type.kind() != IrType.Kind.FLOAT
        || type.kind() == IrType.Kind.STRING;
  }

  /** Whether the later operand's statements may change the value of {@code e}. */
  private boolean dependsOnEffects(Expr e) {
    boolean[] depends = {false};
    IrWalk.expressions(e, n -> {
      if (n instanceof Expr.VarRef r && assigned.contains(r.variable())) {
        depends[0] = true;
      } else if (n instanceof Expr.ArrayRead read) {
        Variable root = IrWalk.root(read.array());
        // A read of an array that is not a local variable (a field, a call's result) may see
        // what a call changes; a local's elements change only by the writes listed.
        depends[0] |= root == null ? calls || !writtenArrays.isEmpty()
            : writtenArrays.contains(root);
      } else if (n instanceof Expr.Call || n instanceof Expr.NewObject) {
        depends[0] |= calls || !writtenArrays.isEmpty();
      } else if (n instanceof Expr.FieldRef f) {
        depends[0] |= calls && !f.field().getModifiers().contains(Modifier.FINAL);
      }
    });
    return depends[0];
  }
}
