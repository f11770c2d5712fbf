package dev.adjoint.processor.frontend;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WildcardTree;
import dev.adjoint.processor.ir.IrType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Name resolution for one compilation unit, done with {@link Elements} and {@link Types} because
 * method bodies are not attributed while processors run: type names through member types,
 * imports, the package and {@code java.lang}; fields and methods through enclosing classes and
 * static imports; overloads by the processor's own types.
 */
public final class Symbols {
  private final Elements elements;
  private final Types types;
  private final CompilationUnitTree unit;
  private final TypeElement enclosing;
  /** The differentiated method's type variables, by name: they hide types of the same name. */
  private final Map<String, TypeMirror> typeVariables = new HashMap<>();
  private final TypeMapping mapping;
  private final Overloads overloads;

  public Symbols(Elements elements, Types types, CompilationUnitTree unit, TypeElement enclosing) {
    this.elements = elements;
    this.types = types;
    this.unit = unit;
    this.enclosing = enclosing;
    this.mapping = new TypeMapping(elements, types);
    this.overloads = new Overloads(types, mapping);
  }

  public Types types() {
    return types;
  }

  public Elements elements() {
    return elements;
  }

  /** Makes the type parameters of the method being lowered visible as type names. */
  public void declareTypeParameters(List<? extends TypeParameterElement> parameters) {
    for (TypeParameterElement p : parameters) {
      typeVariables.put(p.getSimpleName().toString(), p.asType());
    }
  }

  /** Whether {@code mirror} is a type variable of the method being lowered. */
  public boolean isOwnTypeVariable(TypeMirror mirror) {
    return typeVariables.values().stream().anyMatch(t -> types.isSameType(t, mirror));
  }

  /**
   * The type {@code method} returns when called on a value of type {@code receiver}: {@code E}
   * of {@code List<E>.get} is {@code String} on a {@code List<String>}.
   */
  public TypeMirror returnTypeOn(IrType receiver, ExecutableElement method) {
    TypeMirror mirror = receiver == null ? null : mirror(receiver);
    if (mirror instanceof DeclaredType d) {
      try {
        return ((javax.lang.model.type.ExecutableType) types.asMemberOf(d, method))
            .getReturnType();
      } catch (IllegalArgumentException e) {
        return method.getReturnType();
      }
    }
    return method.getReturnType();
  }

  // ---------------------------------------------------------------------------------- types

  /** The IR type a type tree denotes, or empty when it cannot be resolved. */
  public Optional<IrType> typeOf(Tree typeTree) {
    return mirrorOf(typeTree).map(this::irType);
  }

  private Optional<TypeMirror> mirrorOf(Tree typeTree) {
    if (typeTree instanceof PrimitiveTypeTree p) {
      return Optional.of(types.getPrimitiveType(p.getPrimitiveTypeKind()));
    }
    if (typeTree instanceof ArrayTypeTree a) {
      return mirrorOf(a.getType()).map(types::getArrayType);
    }
    if (typeTree instanceof ParameterizedTypeTree p) {
      return parameterized(p);
    }
    if (typeTree instanceof AnnotatedTypeTree a) {
      return mirrorOf(a.getUnderlyingType());
    }
    if (typeTree instanceof IdentifierTree id) {
      TypeMirror variable = typeVariables.get(id.getName().toString());
      if (variable != null) {
        return Optional.of(variable);
      }
    }
    return resolveType(typeTree).map(t -> types.erasure(t.asType()));
  }

  /** {@code List<String>} as a declared type with its arguments, so no raw type is generated. */
  private Optional<TypeMirror> parameterized(ParameterizedTypeTree p) {
    Optional<TypeElement> base = resolveType(p.getType());
    if (base.isEmpty()) {
      return Optional.empty();
    }
    List<TypeMirror> args = new ArrayList<>();
    for (Tree arg : p.getTypeArguments()) {
      Optional<TypeMirror> a = arg instanceof WildcardTree w ? wildcard(w) : mirrorOf(arg);
      if (a.isEmpty() || a.get().getKind().isPrimitive()) {
        return Optional.of(types.erasure(base.get().asType()));
      }
      args.add(a.get());
    }
    if (args.size() != base.get().getTypeParameters().size()) {
      return Optional.of(types.erasure(base.get().asType()));
    }
    return Optional.of(types.getDeclaredType(base.get(), args.toArray(new TypeMirror[0])));
  }

  private Optional<TypeMirror> wildcard(WildcardTree w) {
    if (w.getBound() == null) {
      return Optional.of(types.getWildcardType(null, null));
    }
    Optional<TypeMirror> bound = mirrorOf(w.getBound());
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(w.getKind() == Tree.Kind.SUPER_WILDCARD
        ? types.getWildcardType(null, bound.get())
        : types.getWildcardType(bound.get(), null));
  }

  /**
   * Whether a type tree is made of names only ({@code double}, {@code List<T>}, {@code a.B[]}),
   * so that failing to resolve it means a name that exists nowhere, which javac reports.
   */
  public static boolean isNamedType(Tree typeTree) {
    if (typeTree instanceof PrimitiveTypeTree || typeTree instanceof IdentifierTree) {
      return true;
    }
    if (typeTree instanceof MemberSelectTree m) {
      return isNamedType(m.getExpression());
    }
    if (typeTree instanceof ArrayTypeTree a) {
      return isNamedType(a.getType());
    }
    if (typeTree instanceof AnnotatedTypeTree a) {
      return isNamedType(a.getUnderlyingType());
    }
    if (typeTree instanceof ParameterizedTypeTree p) {
      return isNamedType(p.getType());
    }
    return false;
  }

  /** The type a class literal {@code X.class} names, or empty when it cannot be resolved. */
  public Optional<TypeMirror> classLiteralType(Tree typeTree) {
    if (typeTree instanceof PrimitiveTypeTree p && p.getPrimitiveTypeKind() == TypeKind.VOID) {
      return Optional.of(types.getNoType(TypeKind.VOID));
    }
    if (typeTree instanceof IdentifierTree id
        && typeVariables.containsKey(id.getName().toString())) {
      return Optional.empty(); // T.class: javac reports it
    }
    return mirrorOf(typeTree).map(types::erasure);
  }

  /** {@code java.lang.Double.class} for a class literal's type; empty for a local class. */
  public Optional<String> classLiteralText(TypeMirror type) {
    return TypeMapping.classLiteralText(type);
  }

  /** Resolves a type name written as an identifier or a qualified name. */
  public Optional<TypeElement> resolveType(Tree nameTree) {
    if (nameTree instanceof IdentifierTree id) {
      return resolveSimpleType(id.getName().toString());
    }
    if (nameTree instanceof ParameterizedTypeTree p) {
      return resolveType(p.getType());
    }
    if (nameTree instanceof MemberSelectTree select) {
      String qualified = select.toString();
      TypeElement direct = elements.getTypeElement(qualified);
      if (direct != null) {
        return Optional.of(direct);
      }
      return resolveType(select.getExpression())
          .flatMap(outer -> memberType(outer, select.getIdentifier().toString()));
    }
    return Optional.empty();
  }

  private Optional<TypeElement> resolveSimpleType(String name) {
    for (Element e = enclosing; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getSimpleName().contentEquals(name)) {
        return Optional.of(t);
      }
      Optional<TypeElement> member = memberType(t, name);
      if (member.isPresent()) {
        return member;
      }
    }
    for (ImportTree imp : unit.getImports()) {
      if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree q
          && q.getIdentifier().contentEquals(name)) {
        TypeElement t = elements.getTypeElement(q.toString());
        if (t != null) {
          return Optional.of(t);
        }
      }
    }
    PackageElement pkg = elements.getPackageOf(enclosing);
    String samePackage = pkg.isUnnamed() ? name : pkg.getQualifiedName() + "." + name;
    TypeElement local = elements.getTypeElement(samePackage);
    if (local != null) {
      return Optional.of(local);
    }
    for (ImportTree imp : unit.getImports()) {
      if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree q
          && q.getIdentifier().contentEquals("*")) {
        TypeElement t = elements.getTypeElement(q.getExpression() + "." + name);
        if (t != null) {
          return Optional.of(t);
        }
      }
    }
    return Optional.ofNullable(elements.getTypeElement("java.lang." + name));
  }

  private Optional<TypeElement> memberType(TypeElement owner, String name) {
    for (TypeElement member : ElementFilter.typesIn(elements.getAllMembers(owner))) {
      if (member.getSimpleName().contentEquals(name)) {
        return Optional.of(member);
      }
    }
    return Optional.empty();
  }

/** The IR type of a javac type. */
  public IrType irType(TypeMirror mirror) {
    return mapping.irType(mirror);
  }

  /** A javac type for an IR type, for overload resolution. */
  public TypeMirror mirror(IrType type) {
    return mapping.mirror(type);
  }


  // --------------------------------------------------------------------------------- fields

  /** A field visible by simple name: of an enclosing class, or statically imported. */
  public Optional<VariableElement> resolveField(String name) {
    for (Element e = enclosing; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      Optional<VariableElement> field = field(t, name);
      if (field.isPresent()) {
        return field;
      }
    }
    for (TypeElement owner : staticImportOwners(name)) {
      Optional<VariableElement> field = field(owner, name);
      if (field.isPresent()) {
        return field;
      }
    }
    return Optional.empty();
  }

  /** A field of {@code owner} or its supertypes. */
  public Optional<VariableElement> field(TypeElement owner, String name) {
    for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(owner))) {
      if (f.getSimpleName().contentEquals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  // -------------------------------------------------------------------------------- methods

  /** Methods named {@code name} visible unqualified: the innermost enclosing class wins. */
  public List<ExecutableElement> unqualifiedMethods(String name) {
    for (Element e = enclosing; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      List<ExecutableElement> found = methods(t, name);
      if (!found.isEmpty()) {
        return found;
      }
    }
    List<ExecutableElement> imported = new ArrayList<>();
    for (TypeElement owner : staticImportOwners(name)) {
      for (ExecutableElement m : methods(owner, name)) {
        if (m.getModifiers().contains(Modifier.STATIC)) {
          imported.add(m);
        }
      }
    }
    return imported;
  }

  /** Methods named {@code name} that {@code owner} declares or inherits. */
  public List<ExecutableElement> methods(TypeElement owner, String name) {
    List<ExecutableElement> found = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(owner))) {
      if (m.getSimpleName().contentEquals(name)) {
        found.add(m);
      }
    }
    return found;
  }

  private List<TypeElement> staticImportOwners(String member) {
    List<TypeElement> owners = new ArrayList<>();
    for (ImportTree imp : unit.getImports()) {
      if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree q
          && (q.getIdentifier().contentEquals(member) || q.getIdentifier().contentEquals("*"))) {
        TypeElement owner = elements.getTypeElement(q.getExpression().toString());
        if (owner != null) {
          owners.add(owner);
        }
      }
    }
    return owners;
  }

/**
   * Picks the most specific applicable overload for arguments of the given types: exact and
   * widening primitive conversions first, then boxing, then varargs. Empty if none applies.
   */
  public Optional<ExecutableElement> selectOverload(
      List<ExecutableElement> candidates, List<IrType> argTypes) {
    return overloads.selectOverload(candidates, argTypes);
  }

  /** See {@link Overloads#overloadsBeyondModel}. */
  public boolean overloadsBeyondModel(List<ExecutableElement> candidates, List<IrType> args) {
    return overloads.overloadsBeyondModel(candidates, args);
  }

  /** Whether a call with {@code count} arguments could be a call of {@code method}. */
  public static boolean arityFits(ExecutableElement method, int count) {
    return Overloads.arityFits(method, count);
  }

  /** See {@link Overloads#passesVarargsSeparately}. */
  public boolean passesVarargsSeparately(ExecutableElement method, List<IrType> args) {
    return overloads.passesVarargsSeparately(method, args);
  }


  /** Whether values of this type are arrays: the modelled ones and any other, String[] say. */
  public static boolean isAnyArray(IrType type) {
    return type.isArray()
        || type.kind() == IrType.Kind.OTHER && type.mirror().getKind() == TypeKind.ARRAY;
  }

  /** Whether an element is accessible from generated code in the enclosing class's package. */
  public static boolean isPrivate(Element element) {
    return dev.adjoint.processor.ir.Visibility.isPrivate(element);
  }
}
