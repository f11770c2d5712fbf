package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.IrType;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Overload resolution by the processor's own types, since method bodies are not attributed
 * while processors run: which candidate applies to arguments of given IR types, how a varargs
 * call passes its trailing arguments, and when a failure may be the processor's limit rather
 * than the program's mistake.
 */
final class Overloads {
  private final Types types;
  private final TypeMapping mapping;

  Overloads(Types types, TypeMapping mapping) {
    this.types = types;
    this.mapping = mapping;
  }

  /**
   * Picks the most specific applicable overload for arguments of the given types: exact and
   * widening primitive conversions first, then boxing, then varargs. Empty if none applies.
   */
  Optional<ExecutableElement> selectOverload(
      List<ExecutableElement> candidates, List<IrType> argTypes) {
    ExecutableElement best = null;
    int bestCost = Integer.MAX_VALUE;
    for (ExecutableElement candidate : candidates) {
      int cost = applicabilityCost(candidate, argTypes);
      if (cost < bestCost || cost == bestCost && cost < Integer.MAX_VALUE
          && moreSpecific(candidate, best)) {
        best = candidate;
        bestCost = cost;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether every parameter of {@code a} converts to the one of {@code b} and not all the other
   * way round: {@code f(String)} over {@code f(Object)}, {@code f(Double)} over {@code f(Object)}.
   */
  private boolean moreSpecific(ExecutableElement a, ExecutableElement b) {
    List<? extends VariableElement> pa = a.getParameters();
    List<? extends VariableElement> pb = b.getParameters();
    if (pa.size() != pb.size() || a.isVarArgs() != b.isVarArgs()) {
      return false;
    }
    boolean strictly = false;
    for (int i = 0; i < pa.size(); i++) {
      TypeMirror ta = types.erasure(pa.get(i).asType());
      TypeMirror tb = types.erasure(pb.get(i).asType());
      if (!types.isAssignable(ta, tb)) {
        return false;
      }
      strictly |= !types.isSameType(ta, tb);
    }
    return strictly;
  }

  /**
   * Whether a failed overload resolution may be the processor's own limit (generic inference,
   * say), to be reported as such: an argument's type, or a parameter's of a candidate taking
   * that many arguments, has a type variable or type arguments. When false, every type involved
   * is compared exactly, no overload applies, and javac rejects the call too.
   */
  boolean overloadsBeyondModel(List<ExecutableElement> candidates, List<IrType> args) {
    for (IrType arg : args) {
      if (arg.kind() == IrType.Kind.OTHER && !isPlain(arg.mirror())) {
        return true;
      }
    }
    for (ExecutableElement m : candidates) {
      if (arityFits(m, args.size())
          && m.getParameters().stream().anyMatch(p -> !isPlain(p.asType()))) {
        return true;
      }
    }
    return false;
  }

  /** A type with no type variable or wildcard in it: compared exactly by the processor. */
  private static boolean isPlain(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return true;
    }
    if (type instanceof ArrayType a) {
      return isPlain(a.getComponentType());
    }
    if (type instanceof DeclaredType d) {
      return d.getTypeArguments().isEmpty();
    }
    return false;
  }

  /** Whether a call with {@code count} arguments could be a call of {@code method}. */
  static boolean arityFits(ExecutableElement method, int count) {
    int fixed = method.getParameters().size();
    return method.isVarArgs() ? count >= fixed - 1 : count == fixed;
  }

  /**
   * Whether a call of varargs {@code method} with these arguments passes the trailing ones
   * separately (packed into a new array by Java) rather than one array.
   */
  boolean passesVarargsSeparately(ExecutableElement method, List<IrType> args) {
    if (!method.isVarArgs()) {
      return false;
    }
    List<? extends VariableElement> params = method.getParameters();
    int fixed = params.size();
    return args.size() != fixed
        || conversionCost(args.get(fixed - 1), params.get(fixed - 1).asType()) == Integer.MAX_VALUE;
  }

  private int applicabilityCost(ExecutableElement method, List<IrType> args) {
    List<? extends VariableElement> params = method.getParameters();
    int fixed = params.size();
    boolean varargs = method.isVarArgs();
    if (!varargs && args.size() != fixed) {
      return Integer.MAX_VALUE;
    }
    if (varargs && args.size() < fixed - 1) {
      return Integer.MAX_VALUE;
    }
    int cost = 0;
    for (int i = 0; i < args.size(); i++) {
      TypeMirror param;
      if (varargs && i >= fixed - 1) {
        TypeMirror last = params.get(fixed - 1).asType();
        boolean passesArray = args.size() == fixed && i == fixed - 1
            && conversionCost(args.get(i), last) < Integer.MAX_VALUE;
        param = passesArray ? last : ((ArrayType) last).getComponentType();
        cost += passesArray ? 0 : 100;
      } else {
        param = params.get(i).asType();
      }
      int c = conversionCost(args.get(i), param);
      if (c == Integer.MAX_VALUE) {
        return Integer.MAX_VALUE;
      }
      cost += c;
    }
    return cost;
  }

  private int conversionCost(IrType arg, TypeMirror declared) {
    // Generic parameters are compared by erasure: good enough to pick among overloads.
    TypeMirror param = types.erasure(declared);
    IrType paramType = mapping.irType(param);
    if (arg.isPrimitive() && paramType.isPrimitive()) {
      if (arg.kind() == IrType.Kind.BOOLEAN || paramType.kind() == IrType.Kind.BOOLEAN) {
        return arg.kind() == paramType.kind() ? 0 : Integer.MAX_VALUE;
      }
      if (arg.kind() == IrType.Kind.CHAR && paramType.kind() == IrType.Kind.SHORT) {
        return Integer.MAX_VALUE;
      }
      int distance = paramType.wideningRank() - arg.wideningRank();
      return distance >= 0 ? distance : Integer.MAX_VALUE;
    }
    if (arg.isPrimitive()) {
      TypeMirror boxed = types.boxedClass(types.getPrimitiveType(primitiveKind(arg))).asType();
      return types.isAssignable(boxed, param) ? 10 : Integer.MAX_VALUE;
    }
    if (paramType.isPrimitive()) {
      // Unboxing, then widening: Math.sqrt(d) for a Double d.
      if (arg.kind() != IrType.Kind.OTHER) {
        return Integer.MAX_VALUE;
      }
      try {
        int widening = conversionCost(mapping.irType(types.unboxedType(arg.mirror())), param);
        return widening == Integer.MAX_VALUE ? widening : 10 + widening;
      } catch (IllegalArgumentException notBoxed) {
        return Integer.MAX_VALUE;
      }
    }
    if (arg.kind() == IrType.Kind.NULL) {
      return 1;
    }
    return types.isAssignable(types.erasure(mapping.mirror(arg)), param) ? 1 : Integer.MAX_VALUE;
  }

  private static TypeKind primitiveKind(IrType type) {
    return TypeKind.valueOf(type.kind().name());
  }
}
