package dev.detwasm.build;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The class hierarchy that computing stack map frames needs, read from class files rather than by
 * loading classes: the types come from the jars being rewritten (plus the JDK), which the build's
 * own JVM never has to link. Names are internal names ({@code java/lang/Object}).
 */
final class ClassHierarchy {
  private record Type(boolean isInterface, String superName, Set<String> supertypes) {}

  private final ClassLoader classFiles;
  private final Map<String, Type> types = new HashMap<>();

  /** {@code classFiles} finds {@code NAME.class} resources; it is never asked to load a class. */
  ClassHierarchy(ClassLoader classFiles) {
    this.classFiles = classFiles;
  }

  /** The nearest common superclass, as {@link org.objectweb.asm.ClassWriter} defines it. */
  String commonSuperClass(String a, String b) {
    if (isAssignable(a, b)) {
      return a;
    }
    if (isAssignable(b, a)) {
      return b;
    }
    if (type(a).isInterface() || type(b).isInterface()) {
      return "java/lang/Object";
    }
    String candidate = a;
    do {
      candidate = type(candidate).superName();
    } while (!isAssignable(candidate, b));
    return candidate;
  }

  private boolean isAssignable(String to, String from) {
    return to.equals(from) || type(from).supertypes().contains(to);
  }

  private Type type(String name) {
    Type known = types.get(name);
    if (known != null) {
      return known;
    }
    ClassReader reader = read(name);
    Set<String> supertypes = new LinkedHashSet<>();
    String superName = reader.getSuperName();
    if (superName != null) {
      supertypes.add(superName);
      supertypes.addAll(type(superName).supertypes());
    }
    for (String implemented : reader.getInterfaces()) {
      supertypes.add(implemented);
      supertypes.addAll(type(implemented).supertypes());
    }
    Type type =
        new Type((reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, superName, Set.copyOf(supertypes));
    types.put(name, type);
    return type;
  }

  private ClassReader read(String name) {
    try (InputStream in = classFiles.getResourceAsStream(name + ".class")) {
      if (in == null) {
        throw new IllegalStateException(
            "class " + name.replace('/', '.') + " is on no jar being upgraded and not in the JDK");
      }
      return new ClassReader(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read class " + name.replace('/', '.'), e);
    }
  }
}
