package dev.adjoint.fuzz;

import dev.adjoint.fuzz.GradientOracle.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles one source file with the processor, prints diagnostics and (with {@code -v}) the
 * generated code, and checks {@code f} with finite differences. Also regenerates a program by
 * seed: {@code Repro seed 1234}.
 */
public final class Repro {
  private Repro() {}

  public static void main(String[] args) throws Exception {
    boolean verbose = args.length > 1 && args[args.length - 1].equals("-v");
    String src;
    String name;
    if (args[0].equals("seed")) {
      Program p = new ProgramGenerator(Long.parseLong(args[1])).generate("fuzzgen", "R");
      src = p.render();
      name = p.qualifiedName();
    } else {
      src = Files.readString(Path.of(args[0]));
      int cut = src.indexOf("\n// ---- ");
      if (cut > 0) {
        src = src.substring(0, cut);
      }
      Matcher pk = Pattern.compile("package\\s+([\\w.]+);").matcher(src);
      Matcher cl = Pattern.compile("class\\s+(\\w+)").matcher(src);
      cl.find();
      name = (pk.find() ? pk.group(1) + "." : "") + cl.group(1);
    }
    if (verbose) {
      System.out.println(src);
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put(name, src);
    InMemoryCompiler.Result r = InMemoryCompiler.compile(m);
    System.out.println("javac " + r.millis + " ms, success " + r.success);
    if (r.crash != null) {
      r.crash.printStackTrace(System.out);
    }
    r.diagnostics.forEach(System.out::println);
    if (verbose) {
      r.generated.values().forEach(System.out::println);
    }
    if (r.success) {
      Class<?> c = Class.forName(name, true, r.loader());
      Report rep = FdCheck.check(c, "f");
      System.out.println(rep.verdict + " " + rep.detail + " points " + rep.pointsCompared);
    }
  }
}
