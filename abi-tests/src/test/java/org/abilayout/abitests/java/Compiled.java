package org.abilayout.abitests.java;

import org.abilayout.codegen.OutputFiles;
import org.abilayout.layout.LayoutEngine;
import com.palantir.javapoet.JavaFile;
import java.io.StringWriter;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.abilayout.arch.Target;
import org.abilayout.codegen.java.JavaGenerator;
import org.abilayout.spec.model.Spec;

/**
 * Generated Java compiled in-process with the system compiler against the runtime on the test
 * class path, and loaded: what a user of {@code abilayout gen java} compiles, exercised through
 * reflection (the tests only; generated code itself uses none).
 */
final class Compiled {
    private final ClassLoader loader;
    private final String pkg;

    private Compiled(ClassLoader loader, String pkg) {
        this.loader = loader;
        this.pkg = pkg;
    }

    static Compiled generate(Spec spec, List<Target> targets, Path dir) throws Exception {
        JavaGenerator gen = new JavaGenerator();
        List<JavaFile> files = gen.generate(LayoutEngine.layoutAll(spec, targets), spec.source().name(),
                JavaGenerator.Options.defaults());
        Path src = dir.resolve("src");
        List<Path> paths = OutputFiles.write(src, JavaGenerator.files(files)).stream().map(OutputFiles.Written::path).toList();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new AssertionError("no system Java compiler: run the tests on a JDK, not a JRE");
        List<String> options = List.of("-Xlint:all", "-Xdoclint:all,-missing", "-Werror", "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"));
        StringWriter out = new StringWriter();
        try (var fm = javac.getStandardFileManager(null, null, java.nio.charset.StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(out, fm, null, options, null, fm.getJavaFileObjectsFromPaths(paths)).call();
            if (!ok) throw new AssertionError("generated code does not compile:\n" + out);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compiled.class.getClassLoader());
        return new Compiled(loader, files.getFirst().packageName());
    }

    Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(pkg + "." + simpleName, true, loader);
    }

    /** {@code Name.forTarget(target)}. */
    Object accessor(String simpleName, String target) throws Exception {
        return call(type(simpleName), null, "forTarget", target);
    }

    /** Invokes the method of that name whose parameter count matches, unwrapping its exception. */
    static Object call(Class<?> type, Object receiver, String name, Object... args) throws Exception {
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(name) || m.getParameterCount() != args.length) continue;
            if (args.length > 0 && m.getParameterTypes()[0] == MemorySegment.class != args[0] instanceof MemorySegment) continue;
            if (!compatible(m.getParameterTypes(), args)) continue;
            try {
                return m.invoke(receiver, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
        }
        throw new NoSuchMethodException(type.getSimpleName() + "." + name + " with " + args.length + " arguments");
    }

    private static boolean compatible(Class<?>[] params, Object[] args) {
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i];
            Object a = args[i];
            if (p.isPrimitive()) {
                if (a == null) return false;
                Class<?> boxed = java.lang.invoke.MethodType.methodType(p).wrap().returnType();
                if (!boxed.isInstance(a)) return false;
            } else if (a != null && !p.isInstance(a)) {
                return false;
            }
        }
        return true;
    }
}
