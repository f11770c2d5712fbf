package dev.adjoint.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/** Javadoc text of generated members: reflowed paragraphs, links to originals, parameter lists. */
final class Javadocs {
  /** Javadoc lines end by column 100: the class's after " * ", a member's after "   * ". */
  static final int CLASS_DOC_WIDTH = 97;
  static final int MEMBER_DOC_WIDTH = 95;

  private Javadocs() {}

  /** A member's Javadoc from a JavaPoet format, reflowed: no line break but between words. */
  static CodeBlock member(String format, Object... args) {
    return CodeBlock.of("$L", reflow(CodeBlock.of(format, args).toString(), MEMBER_DOC_WIDTH));
  }

  /**
   * Fills each paragraph (separated by a blank line) and each block tag ({@code @param} …) to
   * {@code width}, never breaking inside an inline tag such as {@code {@link a.B#m(double, int)}}.
   */
  static String reflow(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.strip().split("\n\\s*\n")) {
      if (out.length() > 0) {
        out.append('\n');
      }
      // Block tags start lines of their own; other line breaks are just spaces.
      for (String block : paragraph.split("\n(?=@)")) {
        fill(block.replace('\n', ' ').strip(), width, out);
      }
    }
    return out.toString();
  }

  private static void fill(String block, int width, StringBuilder out) {
    List<String> words = new ArrayList<>();
    int depth = 0;
    StringBuilder word = new StringBuilder();
    for (char c : block.toCharArray()) {
      if (c == ' ' && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    int column = 0;
    for (String w : words) {
      if (column > 0 && column + 1 + w.length() > width) {
        out.append('\n');
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(w);
      column += w.length();
    }
    out.append('\n');
  }

  /** {@code {@link p.Owner#m(double, double[])}}: a link to the original method. */
  static String link(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String params = method.getParameters().stream()
        .map(Javadocs::erasureText)
        .collect(Collectors.joining(", "));
    return "{@link " + owner.getQualifiedName() + "#" + method.getSimpleName() + "(" + params
        + ")}";
  }

  /** A parameter's erased type as source text: type variables by their first bound. */
  static String erasureText(VariableElement p) {
    TypeMirror type = p.asType();
    while (type instanceof TypeVariable v) {
      type = v.getUpperBound();
      if (type instanceof IntersectionType i) {
        type = i.getBounds().get(0);
      }
    }
    String text = type.toString();
    int generic = text.indexOf('<');
    return generic < 0 ? text : text.substring(0, generic);
  }

  /** {@code {@code x}, {@code y}}, or "no parameter". */
  static String describeParameters(List<String> names) {
    if (names.isEmpty()) {
      return "no parameter";
    }
    return names.stream().map(n -> "{@code " + n + "}").collect(Collectors.joining(", "));
  }
}
