package dev.adjoint.processor.frontend;

import static dev.adjoint.processor.frontend.ExpressionLowering.isPoison;
import static dev.adjoint.processor.frontend.ExpressionLowering.poison;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Lowers calls and object creation: receiver and overload resolution, record and sealed
 * dispatch, varargs packing, {@code clone()}; and builds the JDK members other lowerings need
 * (enum constants, {@code Objects.requireNonNull}, {@code new E()}, {@code String.equals}).
 */
final class CallLowering {
  private final LoweringContext context;
  private final Symbols symbols;
  private final MethodProblems problems;
  private final RecordLowering records;
  private final ExpressionLowering expressions;
  private final NameLowering names;
  private final RecordArguments recordArguments;

  CallLowering(LoweringContext context) {
    this.context = context;
    this.symbols = context.symbols();
    this.problems = context.problems();
    this.records = context.records();
    this.expressions = context.expressions();
    this.names = context.names();
    this.recordArguments = new RecordArguments(context);
  }

  private Expr unsupported(Tree tree, Problem problem, String message) {
    return expressions.unsupported(tree, problem, message);
  }

  private Expr unresolved(Tree tree) {
    return expressions.unresolved(tree);
  }
  Expr call(MethodInvocationTree call, List<Stmt> out) {
    Expr copy = context.arrays().copyOfSource(call) == null ? null
        : context.arrays().arrayCopyValue(call, out);
    if (copy != null) {
      return copy; // Arrays.copyOf or copyOfRange: a fresh array, copied element by element
    }
    Optional<Expr> component = records.component(call);
    if (component.isPresent()) {
      return component.get();
    }
    ExpressionTree select = call.getMethodSelect();
    int receiverMark = out.size();
    RecordArguments.Lowered lowered = recordArguments.lower(call.getArguments(), out);
    List<Expr> args = lowered.values();
    List<IrType> argTypes = args.stream().map(Expr::type).toList();
    List<ExecutableElement> candidates;
    Expr receiver = null;
    String name;
    Optional<RecordLowering.Receiver> flattened = Optional.empty();
    if (select instanceof IdentifierTree id) {
      name = id.getName().toString();
      candidates = symbols.unqualifiedMethods(name);
      flattened = records.self(call);
    } else if (select instanceof MemberSelectTree member) {
      name = member.getIdentifier().toString();
      Optional<TypeElement> owner = names.typeQualifier(member.getExpression());
      flattened = owner.isPresent() ? Optional.empty()
          : records.receiver(member.getExpression());
      if (owner.isPresent()) {
        candidates = symbols.methods(owner.get(), name);
      } else if (flattened.isPresent()) {
        candidates = symbols.methods(flattened.get().type(), name);
      } else {
        receiver = expressions.receiverBefore(member.getExpression(), args, out, receiverMark);
        if (isPoison(receiver)) {
          return receiver;
        }
        if (Symbols.isAnyArray(receiver.type())) {
          if (name.equals("clone") && args.isEmpty()) {
            return arrayClone(call, receiver, out);
          }
          // An array has the methods of Object.
          candidates = symbols.methods(symbols.elements().getTypeElement("java.lang.Object"),
              name);
        } else if (receiver.type().isPrimitive()) {
          return unresolved(call); // javac: a primitive cannot be dereferenced
        } else {
          Optional<TypeElement> type = names.declaredElement(receiver.type());
          if (type.isEmpty()) {
            return unsupported(call, Problem.UNRESOLVED_MEMBER,
                "Adjoint cannot resolve method '" + name + "' of a value"
                + " of type " + receiver.type() + "; assign the value to a local variable of"
                + " its actual type first");
          }
          candidates = symbols.methods(type.get(), name);
        }
      }
    } else {
      return unsupported(call, Problem.UNSUPPORTED_EXPRESSION,
          "this kind of call is not supported");
    }
    if (args.stream().anyMatch(ExpressionLowering::isPoison)) {
      return poison(call); // an argument is already reported, or left to javac
    }
    if ((candidates.isEmpty() || symbols.selectOverload(candidates, argTypes).isEmpty())
        && recordArguments.reportedRecords(lowered)) {
      return poison(call); // a record Adjoint flattens, where no method could take its leaves
    }
    if (candidates.isEmpty()) {
      return unresolved(call); // no method of that name: javac reports it
    }
    Optional<ExecutableElement> method = symbols.selectOverload(candidates, argTypes);
    if (method.isEmpty()) {
      if (!symbols.overloadsBeyondModel(candidates, argTypes)) {
        // Every type involved is one the processor models exactly: no overload applies, and
        // javac reports it (our error would hide its more precise one).
        return unresolved(call);
      }
      return unsupported(call, Problem.UNRESOLVED_MEMBER,
          "Adjoint cannot tell which method '" + name + "' this call"
          + " means for arguments of types " + argTypes.stream().map(IrType::toString)
          .collect(java.util.stream.Collectors.joining(", ", "(", ")")) + "; cast the"
          + " arguments to the parameter types of the method you mean");
    }
    if (records.rejectedCall(method.get(), call)) {
      return poison(call);
    }
    args = recordArguments.layOut(method.get(), lowered, args);
    if (args == null) {
      return poison(call);
    }
    boolean isStatic = method.get().getModifiers().contains(Modifier.STATIC);
    if (!isStatic && receiver == null && flattened.isPresent()) {
      if (!RecordLowering.isRecordMethod(method.get())) {
        // toString(), equals(...): the record itself would be needed
        Tree at = select instanceof MemberSelectTree member ? member.getExpression() : call;
        records.recordAsValue(at, at == call ? "this" : at.toString());
        return poison(call);
      }
      return recordMethodCall(call, method.get(), args, flattened.get(), out);
    }
    Optional<List<TypeElement>> sealed = receiver == null || isStatic ? Optional.empty()
        : SealedDispatch.permittedRecords(receiver.type());
    if (sealed.isPresent()) {
      Expr dispatched = new SealedDispatch(symbols, problems, context, records).call(call,
          method.get(), receiver, args, sealed.get(), expressions.canHoist(), out);
      return dispatched == null ? poison(call) : dispatched;
    }
    if (!isStatic && receiver != null && RecordLowering.isOpaqueRecordMethod(method.get())) {
      records.opaqueReceiver(call, method.get());
      return poison(call);
    }
    if (receiver == null && !isStatic) {
      return unsupported(call, Problem.STATIC_CONTEXT,
          "instance method '" + method.get().getSimpleName() + "' cannot"
          + " be called from a static method");
    }
    if (receiver != null && isStatic) {
      receiver = null;
    }
    if (receiver != null && Symbols.isPrivate(method.get())) {
      return unsupported(call, Problem.PRIVATE_MEMBER,
          "method '" + method.get().getSimpleName() + "' is a private"
          + " method of an object, which the generated class cannot call; make it"
          + " package-private");
    }
    if (symbols.passesVarargsSeparately(method.get(), argTypes)) {
      List<Expr> packed = varargs(call, method.get(), args, out);
      if (packed == null) {
        return poison(call);
      }
      args = packed;
    }
    IrType type = symbols.irType(symbols.returnTypeOn(
        receiver == null ? null : receiver.type(), method.get()));
    return new Expr.Call(method.get(), receiver, args, type, call);
  }

  /**
   * A call of an instance method of a flattened record: its arguments, then the receiver's
   * leaves, as the method's adjoint entry point (and the copy of it that computes its value)
   * take them.
   */
  private Expr recordMethodCall(MethodInvocationTree call, ExecutableElement method,
      List<Expr> args, RecordLowering.Receiver receiver, List<Stmt> out) {
    List<Expr> all = new ArrayList<>(args);
    List<IrType> argTypes = args.stream().map(Expr::type).toList();
    if (symbols.passesVarargsSeparately(method, argTypes)) {
      List<Expr> packed = varargs(call, method, args, out);
      if (packed == null) {
        return poison(call);
      }
      all = new ArrayList<>(packed);
    }
    all.addAll(receiver.leaves());
    return new Expr.Call(method, null, all, symbols.irType(method.getReturnType()), call);
  }

  /**
   * The arguments of a varargs call whose trailing arguments are passed one by one: those of a
   * {@code double...} parameter are packed into a local array, as {@code double[] xs = {a, b};}
   * would be, so that the callee's array adjoint flows back into each of them. Other varargs
   * calls are left as written. Null, after an error, when no local array can be declared here.
   */
  private List<Expr> varargs(MethodInvocationTree call, ExecutableElement method,
      List<Expr> args, List<Stmt> out) {
    List<? extends VariableElement> params = method.getParameters();
    VariableElement last = params.get(params.size() - 1);
    IrType arrayType = symbols.irType(last.asType());
    if (arrayType.kind() != IrType.Kind.DOUBLE_ARRAY) {
      return args;
    }
    if (!expressions.canHoist()) {
      problems.error(call, Problem.CONDITIONAL_OPERAND,
          "a double... parameter needs its arguments packed into an array,"
          + " which Adjoint cannot do inside an operand of ?:, && or || (evaluated only"
          + " sometimes); declare double[] " + last.getSimpleName() + " = {...}; before and pass"
          + " it to " + method.getSimpleName());
      return null;
    }
    Variable packed = context.newTemporary(last.getSimpleName().toString(), arrayType, call);
    int fixed = params.size() - 1;
    List<Expr> elements = args.subList(fixed, args.size());
    out.add(new Stmt.Assign(packed, new Expr.NewArray(arrayType,
        List.of(Expr.Literal.ofInt(elements.size())), call), true, call));
    for (int k = 0; k < elements.size(); k++) {
      Expr element = elements.get(k);
      out.add(new Stmt.ArrayWrite(new Expr.VarRef(packed, call), Expr.Literal.ofInt(k), element,
          element.tree()));
    }
    List<Expr> result = new ArrayList<>(args.subList(0, fixed));
    result.add(new Expr.VarRef(packed, call));
    return result;
  }

  /**
   * {@code x.clone()} outside a local array's declaration (where the method lowering copies the
   * elements itself): a copy into a temporary ({@link ArrayClones}), or an error saying what to
   * write.
   */
  private Expr arrayClone(MethodInvocationTree call, Expr receiver, List<Stmt> out) {
    if (receiver.type().kind() == IrType.Kind.DOUBLE_MATRIX) {
      return unsupported(call, Problem.ARRAY_COPY,
          "clone() of a double[][] copies only its row references, so the"
          + " copy would share its rows; declare double[][] copy = new double[n][m] and copy"
          + " the elements in loops");
    }
    if (receiver.type().isArray()) {
      Expr copy = ArrayClones.value(context, receiver, call, out);
      return copy != null ? copy : unsupported(call, Problem.ARRAY_COPY,
          "clone() is supported on an array variable or a row m[i]; assign the array to a"
          + " local first");
    }
    ExecutableElement clone = symbols.methods(
        symbols.elements().getTypeElement("java.lang.Object"), "clone").get(0);
    return new Expr.Call(clone, receiver, List.of(), receiver.type(), call);
  }

  Expr newObject(NewClassTree n, List<Stmt> out) {
    if (n.getClassBody() != null) {
      return unsupported(n, Problem.UNSUPPORTED_EXPRESSION,
          "anonymous classes are not supported in a @Differentiable method");
    }
    Optional<TypeElement> type = symbols.resolveType(n.getIdentifier());
    if (type.isEmpty()) {
      return Symbols.isNamedType(n.getIdentifier()) ? unresolved(n) // javac reports it
          : unsupported(n, Problem.UNSUPPORTED_EXPRESSION,
              "this object creation is not supported in a @Differentiable method");
    }
    List<Expr> args = expressions.lowerInOrder(n.getArguments(), out);
    IrType irType = symbols.irType(type.get().asType());
    return new Expr.NewObject(symbols.types().erasure(type.get().asType()), args, irType, n);
  }

  /** {@code SQUARE} in {@code case SQUARE:} of a switch on an enum: the constant of that enum. */
  Expr enumConstant(TypeElement enumType, IdentifierTree label) {
    for (VariableElement constant : javax.lang.model.util.ElementFilter.fieldsIn(
        enumType.getEnclosedElements())) {
      if (constant.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT
          && constant.getSimpleName().contentEquals(label.getName())) {
        if (Symbols.isPrivate(constant)) {
          return unsupported(label, Problem.PRIVATE_MEMBER,
              "enum " + enumType.getSimpleName() + " is private, and the"
              + " generated class cannot see it; make it package-private");
        }
        return new Expr.FieldRef(constant, null, symbols.irType(enumType.asType()), label);
      }
    }
    return unresolved(label); // no such constant: javac reports it
  }

  /** {@code Objects.requireNonNull(value)}, typed as {@code value}. */
  Expr requireNonNull(Expr value, Tree tree) {
    TypeElement objects = symbols.elements().getTypeElement("java.util.Objects");
    for (ExecutableElement m : symbols.methods(objects, "requireNonNull")) {
      if (m.getParameters().size() == 1) {
        return new Expr.Call(m, null, List.of(value), value.type(), tree);
      }
    }
    throw new IllegalStateException("java.util.Objects.requireNonNull(T) not found");
  }

  /** {@code new E()} for an error class with a no-argument constructor. */
  Expr newError(String errorClass, Tree tree) {
    TypeElement type = symbols.elements().getTypeElement(errorClass);
    return new Expr.NewObject(type.asType(), List.of(), symbols.irType(type.asType()), tree);
  }

  /**
   * {@code selector.equals(constant)}, for a switch on strings: like the switch, it throws
   * NullPointerException on a null selector.
   */
  Expr stringEquals(Expr selector, Expr constant, Tree tree) {
    TypeElement string = symbols.elements().getTypeElement("java.lang.String");
    ExecutableElement equals = symbols.methods(string, "equals").get(0);
    return new Expr.Call(equals, selector, List.of(constant), IrType.BOOLEAN, tree);
  }
}
