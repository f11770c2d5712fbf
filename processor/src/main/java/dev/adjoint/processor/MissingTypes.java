package dev.adjoint.processor;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.adjoint.processor.frontend.Symbols;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds, in one top-level class, a type that does not exist yet: one another annotation
 * processor may generate in a later round. It looks where the processor itself resolves names:
 * method signatures (javac's error types), and in bodies, which are not attributed while
 * processors run, the type names of declarations, casts, {@code new}, {@code instanceof} and
 * the qualifiers of {@code Name.member}. A name that is a variable, a type variable, a type or
 * a package in scope is not missing.
 */
final class MissingTypes {
  private final Elements elements;
  private final Types types;
  private final Trees trees;
  /** The suffix of the classes Adjoint generates, which code may use before they exist. */
  private final String suffix;

  MissingTypes(Elements elements, Types types, Trees trees, String suffix) {
    this.elements = elements;
    this.types = types;
    this.trees = trees;
    this.suffix = suffix;
  }

  /**
   * Whether {@code name} (simple or qualified) may be a class Adjoint itself generates in this
   * round ({@code CGrad}, {@code Outer_InnerGrad}, or a member of one): code that calls its own
   * gradients names them before they exist, and waiting for them would wait forever.
   */
  private boolean ownOutput(String name) {
    for (String segment : name.split("\\.")) {
      if (segment.endsWith(suffix) && segment.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  /** The first missing type's name in {@code type}, or empty when every type it uses exists. */
  Optional<String> in(TypeElement type) {
    Optional<String> signature = inSignatures(type);
    if (signature.isPresent()) {
      return signature;
    }
    TreePath path = trees.getPath(type);
    if (path == null) {
      return Optional.empty(); // compiled: complete
    }
    Scan scan = new Scan(path.getCompilationUnit());
    scan.scan(path, null);
    return Optional.ofNullable(scan.missing);
  }

  /** The simple names {@code type}'s source mentions: identifiers and selected members. */
  Set<String> namesMentioned(TypeElement type) {
    Set<String> names = new HashSet<>();
    TreePath path = trees.getPath(type);
    if (path != null) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          names.add(node.getName().toString());
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree node, Void unused) {
          names.add(node.getIdentifier().toString());
          return super.visitMemberSelect(node, unused);
        }
      }.scan(path, null);
    }
    return names;
  }

  private Optional<String> inSignatures(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof TypeElement nested) {
        Optional<String> found = inSignatures(nested);
        if (found.isPresent()) {
          return found;
        }
      } else if (member instanceof ExecutableElement m) {
        if (isMissing(m.getReturnType()) && !ownOutput(m.getReturnType().toString())) {
          return Optional.of(m.getReturnType().toString());
        }
        for (VariableElement p : m.getParameters()) {
          if (isMissing(p.asType()) && !ownOutput(p.asType().toString())) {
            return Optional.of(p.asType().toString());
          }
        }
      } else if (member instanceof VariableElement f && isMissing(f.asType())
          && !ownOutput(f.asType().toString())) {
        return Optional.of(f.asType().toString());
      }
    }
    return Optional.empty();
  }

  private static boolean isMissing(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType a) {
      return isMissing(a.getComponentType());
    }
    if (type instanceof DeclaredType d) {
      return d.getTypeArguments().stream().anyMatch(MissingTypes::isMissing);
    }
    return false;
  }

  /** Looks at the names of one compilation unit's class for one that resolves nowhere. */
  private final class Scan extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    private final Deque<Symbols> scopes = new ArrayDeque<>();
    /** Names declared as variables or type variables anywhere in the class: never types here. */
    private final Set<String> declared = new HashSet<>();
    private String missing;

    Scan(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      return missing == null ? super.scan(tree, unused) : null;
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
      Element e = trees.getElement(getCurrentPath());
      if (!(e instanceof TypeElement type)) {
        return super.visitClass(node, unused); // an anonymous class body
      }
      for (VariableElement f : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
        declared.add(f.getSimpleName().toString());
      }
      scopes.push(new Symbols(elements, types, unit, type));
      try {
        return super.visitClass(node, unused);
      } finally {
        scopes.pop();
      }
    }

    @Override
    public Void visitTypeParameter(TypeParameterTree node, Void unused) {
      declared.add(node.getName().toString());
      return super.visitTypeParameter(node, unused);
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree v, Void u) {
          declared.add(v.getName().toString());
          return super.visitVariable(v, u);
        }

        @Override
        public Void visitTypeParameter(TypeParameterTree t, Void u) {
          declared.add(t.getName().toString());
          return super.visitTypeParameter(t, u);
        }

        @Override
        public Void visitClass(ClassTree c, Void u) {
          declared.add(c.getSimpleName().toString()); // a local class: no member of any type
          return super.visitClass(c, u);
        }
      }.scan(getCurrentPath(), null);
      return super.visitMethod(node, unused);
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      typeName(node.getType());
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitTypeCast(TypeCastTree node, Void unused) {
      typeName(node.getType());
      return super.visitTypeCast(node, unused);
    }

    @Override
    public Void visitInstanceOf(InstanceOfTree node, Void unused) {
      typeName(node.getType());
      return super.visitInstanceOf(node, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
      typeName(node.getIdentifier());
      return super.visitNewClass(node, unused);
    }

    @Override
    public Void visitNewArray(NewArrayTree node, Void unused) {
      typeName(node.getType());
      return super.visitNewArray(node, unused);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      if (node.getExpression() instanceof IdentifierTree qualifier) {
        name(qualifier);
      }
      return super.visitMemberSelect(node, unused);
    }

    /** The innermost simple name a type tree is made of ({@code List} of {@code List<T>[]}). */
    private void typeName(Tree type) {
      Tree t = type;
      while (true) {
        if (t instanceof ArrayTypeTree a) {
          t = a.getType();
        } else if (t instanceof ParameterizedTypeTree p) {
          t = p.getType();
        } else if (t instanceof AnnotatedTypeTree a) {
          t = a.getUnderlyingType();
        } else {
          break;
        }
      }
      if (t instanceof IdentifierTree id) {
        name(id);
      }
    }

    private void name(IdentifierTree id) {
      String name = id.getName().toString();
      // Type names start with a capital by convention; packages and variables do not.
      if (missing != null || scopes.isEmpty() || declared.contains(name)
          || !Character.isUpperCase(name.charAt(0)) || ownOutput(name)) {
        return;
      }
      Symbols symbols = scopes.peek();
      if (symbols.resolveType(id).isEmpty() && symbols.resolveField(name).isEmpty()
          && elements.getPackageElement(name) == null) {
        missing = name;
      }
    }
  }
}
