package dev.adjoint.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Local variables of a differentiable record type whose components are scalars, such as the
 * per-step state of a simulation: {@code State s = new State(x, v);} and, in a loop,
 * {@code s = new State(s.x() + dt * s.v(), s.v() - dt * s.x());}. Each is flattened into one
 * local per component ({@code s$x}, {@code s$v}); {@code new State(...)} and a copy of another
 * record assign them (all values first, then the components, as Java evaluates the constructor's
 * arguments before the record changes), and reads go through {@link RecordLowering}.
 */
final class RecordLocals implements RecordHelpers.Flattening {
  /** Leaf numbers of locals, apart from the parameters' (which count from 0). */
  private static final int FIRST_LEAF = 1 << 20;

  private final Symbols symbols;
  private final MethodProblems problems;
  private final RecordLowering records;
  private final ExpressionLowering expressions;
  private final LoweringContext context;
  private final Map<String, FlatParameters.RecordNode> locals = new HashMap<>();
  private final Map<Integer, Variable> variables = new HashMap<>();
  private final RecordHelpers helpers;
  private int nextLeaf = FIRST_LEAF;

  RecordLocals(Symbols symbols, MethodProblems problems, RecordLowering records,
      ExpressionLowering expressions, LoweringContext context, Scope scope,
      CompilationUnitTree unit) {
    this.helpers = new RecordHelpers(symbols, problems, records, expressions, context, scope,
        unit);
    this.symbols = symbols;
    this.problems = problems;
    this.records = records;
    this.expressions = expressions;
    this.context = context;
  }

  /** Lowers {@code v} when it declares a record local, and says whether it did. */
  boolean declaration(VariableTree v, boolean isVar, List<Stmt> out) {
    Optional<TypeElement> type = recordType(v, isVar);
    if (type.isEmpty()) {
      return false;
    }
    TypeElement record = type.get();
    Optional<String> problem = problem(record);
    if (problem.isPresent()) {
      problems.error(v, Problem.UNSUPPORTED_RECORD, problem.get());
      return true;
    }
    if (v.getInitializer() == null) {
      problems.error(v, Problem.RECORD_LOCAL,
          "declare the record '" + v.getName() + "' with its value, as in "
          + record.getSimpleName() + " " + v.getName() + " = new " + record.getSimpleName()
          + "(...)");
      return true;
    }
    String name = v.getName().toString();
    FlatParameters.RecordNode node = node(record, name, v);
    List<Expr> values = leafValues(v.getInitializer(), node, out);
    records.declare(name, node, variables);
    locals.put(name, node);
    if (values == null) {
      return true;
    }
    List<Variable> leaves = leaves(node);
    for (int i = 0; i < leaves.size(); i++) {
      out.add(new Stmt.Assign(leaves.get(i), values.get(i), true, v));
    }
    return true;
  }

  /** Lowers {@code a} when it assigns a record local, and says whether it did. */
  boolean assignment(AssignmentTree a, List<Stmt> out) {
    if (!(a.getVariable() instanceof IdentifierTree id)
        || !locals.containsKey(id.getName().toString())) {
      return false;
    }
    FlatParameters.RecordNode node = locals.get(id.getName().toString());
    List<Expr> values = leafValues(a.getExpression(), node, out);
    if (values == null) {
      return true;
    }
    List<Variable> leaves = leaves(node);
    List<Variable> temporaries = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      Variable t = context.newTemporary(id.getName() + "Next", leaves.get(i).type(), a);
      out.add(new Stmt.Assign(t, values.get(i), true, a));
      temporaries.add(t);
    }
    for (int i = 0; i < leaves.size(); i++) {
      out.add(new Stmt.Assign(leaves.get(i), new Expr.VarRef(temporaries.get(i), a), false, a));
    }
    return true;
  }

  private Optional<TypeElement> recordType(VariableTree v, boolean isVar) {
    TypeMirror mirror;
    if (isVar) {
      ExpressionTree init = TreeShapes.stripParentheses(v.getInitializer());
      if (RecordHelpers.isCandidate(init)) {
        return helpers.returnType((MethodInvocationTree) init)
            .flatMap(FlatParameters::differentiableRecord);
      }
      if (!(init instanceof NewClassTree n)) {
        return Optional.empty();
      }
      Optional<TypeElement> t = symbols.resolveType(n.getIdentifier());
      if (t.isEmpty()) {
        return Optional.empty();
      }
      mirror = t.get().asType();
    } else {
      Optional<IrType> t = symbols.typeOf(v.getType());
      if (t.isEmpty() || t.get().kind() != IrType.Kind.OTHER) {
        return Optional.empty();
      }
      mirror = t.get().mirror();
    }
    return FlatParameters.differentiableRecord(mirror);
  }

  @Override
  public Runnable hideLocals(List<String> names) {
    Map<String, FlatParameters.RecordNode> saved = new HashMap<>();
    for (String name : names) {
      FlatParameters.RecordNode node = locals.remove(name);
      if (node != null) {
        saved.put(name, node);
      }
    }
    return () -> {
      names.forEach(locals::remove);
      locals.putAll(saved);
    };
  }

  @Override
  public void bind(String name, FlatParameters.RecordNode node) {
    records.declare(name, node, variables);
  }

  /** Why a local of this record type is not supported, or empty. */
  @Override
  public Optional<String> problem(TypeElement record) {
    Optional<String> own = records.problemWith(record);
    if (own.isPresent()) {
      return own;
    }
    for (RecordComponentElement c : record.getRecordComponents()) {
      if (c.asType().getKind() == TypeKind.ARRAY) {
        return Optional.of("a local " + record.getSimpleName() + " has an array component ("
            + c.getSimpleName() + "), and only records of scalars (and records of them) can be"
            + " locals of a @Differentiable method; pass the record in as a parameter");
      }
    }
    for (ExecutableElement ctor : ElementFilter.constructorsIn(record.getEnclosedElements())) {
      if (ctor.getParameters().size() == record.getRecordComponents().size()
          && symbols.elements().getOrigin(ctor) == Elements.Origin.EXPLICIT) {
        return Optional.of("record " + record.getSimpleName() + " declares its own canonical"
            + " constructor, which the gradient would not run; move its checks into a static"
            + " factory method");
      }
    }
    for (RecordComponentElement c : record.getRecordComponents()) {
      Optional<TypeElement> nested = FlatParameters.differentiableRecord(c.asType());
      if (nested.isPresent()) {
        Optional<String> inner = problem(nested.get());
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public FlatParameters.RecordNode node(TypeElement record, String path, Tree at) {
    List<String> names = new ArrayList<>();
    List<FlatParameters.Node> components = new ArrayList<>();
    for (RecordComponentElement c : record.getRecordComponents()) {
      String child = path + "$" + c.getSimpleName();
      names.add(c.getSimpleName().toString());
      Optional<TypeElement> nested = FlatParameters.differentiableRecord(c.asType());
      if (nested.isPresent()) {
        components.add(node(nested.get(), child, at));
      } else {
        int leaf = nextLeaf++;
        Variable v = new Variable(child, symbols.irType(c.asType()), Variable.Origin.LOCAL, at);
        context.declareLocal(v);
        variables.put(leaf, v);
        components.add(new FlatParameters.LeafNode(leaf));
      }
    }
    return new FlatParameters.RecordNode(record, names, components);
  }

  @Override
  public List<Variable> leaves(FlatParameters.Node node) {
    List<Variable> out = new ArrayList<>();
    if (node instanceof FlatParameters.LeafNode l) {
      out.add(variables.get(l.leaf()));
    } else {
      for (FlatParameters.Node c : ((FlatParameters.RecordNode) node).components()) {
        out.addAll(leaves(c));
      }
    }
    return out;
  }

  /**
   * The values of {@code node}'s leaves that {@code tree} gives, in order: a {@code new R(...)}
   * (nested ones included), or another record of the type (a local, a parameter, a component of
   * one). Null after an error.
   */
  @Override
  public List<Expr> leafValues(ExpressionTree tree, FlatParameters.RecordNode node,
      List<Stmt> out) {
    ExpressionTree e = TreeShapes.stripParentheses(tree);
    if (e instanceof NewClassTree n && n.getClassBody() == null
        && symbols.resolveType(n.getIdentifier()).filter(node.type()::equals).isPresent()
        && n.getArguments().size() == node.components().size()) {
      List<Expr> values = new ArrayList<>();
      for (int i = 0; i < node.components().size(); i++) {
        FlatParameters.Node c = node.components().get(i);
        if (c instanceof FlatParameters.RecordNode r) {
          List<Expr> inner = leafValues(n.getArguments().get(i), r, out);
          if (inner == null) {
            return null;
          }
          values.addAll(inner);
        } else {
          Expr value = expressions.lower(n.getArguments().get(i), out);
          if (ExpressionLowering.isPoison(value)) {
            return null;
          }
          values.add(value);
        }
      }
      return values;
    }
    Optional<RecordLowering.Receiver> other = records.receiver(e);
    if (other.isPresent() && other.get().type().equals(node.type())) {
      return new ArrayList<>(other.get().leaves());
    }
    if (RecordHelpers.isCandidate(e)) {
      return helpers.inline((MethodInvocationTree) e, node, this, out);
    }
    problems.error(tree, Problem.RECORD_LOCAL,
        "a local " + node.type().getSimpleName() + " can be given only a new "
        + node.type().getSimpleName() + "(...), another " + node.type().getSimpleName()
        + " (a local, a parameter or a component of one) or the result of a static helper of"
        + " this class whose body ends with 'return new " + node.type().getSimpleName()
        + "(...);' in a @Differentiable method");
    return null;
  }
}
