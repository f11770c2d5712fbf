package dev.adjoint.processor.codegen;

/**
 * The size of generated code in tokens (identifiers, literals, operators and separators;
 * whitespace and comments do not count): roughly proportional to its bytecode, however deeply
 * it is indented.
 */
public final class CodeSize {
  private CodeSize() {}

  public static long tokens(CharSequence code) {
    long tokens = 0;
    int n = code.length();
    int i = 0;
    while (i < n) {
      char c = code.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        while (i < n && code.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int end = indexOf(code, "*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && code.charAt(i) != c) {
          i += code.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        tokens++;
      } else if (Character.isJavaIdentifierPart(c)) {
        // identifiers, keywords and numbers (1.5e-3 is one token)
        boolean number = Character.isDigit(c);
        while (i < n && (Character.isJavaIdentifierPart(code.charAt(i))
            || number && (code.charAt(i) == '.' || (code.charAt(i) == '-'
                || code.charAt(i) == '+') && (code.charAt(i - 1) == 'e'
                || code.charAt(i - 1) == 'E')))) {
          i++;
        }
        tokens++;
      } else {
        i++;
        tokens++;
      }
    }
    return tokens;
  }

  private static int indexOf(CharSequence s, String what, int from) {
    for (int i = from; i + what.length() <= s.length(); i++) {
      if (s.subSequence(i, i + what.length()).toString().equals(what)) {
        return i;
      }
    }
    return -1;
  }
}
