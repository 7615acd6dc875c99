package dev.detwasm.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Rewrites, in place, every jar of a directory that holds class files older than Java 6 (major
 * version 50) into class-file version 51 with stack map frames computed. JDK 25 keeps such old
 * classes, and every class that extends or implements one, out of its AOT cache (they need the old
 * verifier, which the cache cannot replay; JDK-8317269 lifts this in JDK 26), so each run loaded
 * and verified picocli's and ASM's classes anew. Version 51 is the first whose frames the JVM must
 * check, with no fall-back to the old verifier: a wrong frame is a VerifyError, never a silent
 * slow path. Subroutines (JSR/RET, which version 51 forbids) are inlined. Jars with no old class are
 * left untouched, so running it again changes nothing.
 *
 * <p>Usage: {@code ClassFileUpgrade DIRECTORY}. All the directory's jars, with the JDK, must hold
 * every class the old ones name, since merging two types in a frame needs their common superclass.
 */
public final class ClassFileUpgrade {
  private static final int FIRST_KEPT_VERSION = Opcodes.V1_6;
  private static final int UPGRADED_VERSION = Opcodes.V1_7;

  private final ClassHierarchy hierarchy;

  ClassFileUpgrade(ClassHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ClassFileUpgrade DIRECTORY");
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(Path.of(args[0]))) {
      jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    try (URLClassLoader classFiles = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      ClassFileUpgrade upgrade = new ClassFileUpgrade(new ClassHierarchy(classFiles));
      for (Path jar : jars) {
        int upgraded = upgrade.upgradeJar(jar);
        if (upgraded > 0) {
          System.out.println(
              "class files upgraded to version " + UPGRADED_VERSION + ": " + upgraded + " in " + jar);
        }
      }
    }
  }

  /** Rewrites {@code jar} if it holds old class files; returns how many it upgraded. */
  int upgradeJar(Path jar) throws IOException {
    List<ZipEntry> entries = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    int upgraded = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.getName().startsWith("META-INF/") && entry.getName().endsWith(".SF")) {
          return 0;  // a signed jar: rewriting would break its signature
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        if (isOldClass(entry.getName(), bytes)) {
          bytes = upgrade(bytes);
          upgraded++;
        }
        entries.add(entry);
        contents.add(bytes);
      }
    }
    if (upgraded == 0) {
      return 0;
    }
    Path partial = jar.resolveSibling(jar.getFileName() + ".upgrading");
    try (OutputStream file = Files.newOutputStream(partial);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (int i = 0; i < entries.size(); i++) {
        ZipEntry copy = new ZipEntry(entries.get(i).getName());
        copy.setTimeLocal(entries.get(i).getTimeLocal());  // the DOS time as it was, in any zone
        out.putNextEntry(copy);
        out.write(contents.get(i));
        out.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return upgraded;
  }

  private static boolean isOldClass(String name, byte[] bytes) {
    return name.endsWith(".class")
        && bytes.length > 8
        && (bytes[0] & 0xff) == 0xca && (bytes[1] & 0xff) == 0xfe
        && new ClassReader(bytes).readUnsignedShort(6) < FIRST_KEPT_VERSION;
  }

  /** The class at {@link #UPGRADED_VERSION}, subroutines inlined and frames computed anew. */
  byte[] upgrade(byte[] oldClass) {
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected String getCommonSuperClass(String a, String b) {
            return hierarchy.commonSuperClass(a, b);
          }
        };
    ClassVisitor upgrader =
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public void visit(
              int version, int access, String name, String signature, String superName,
              String[] interfaces) {
            super.visit(UPGRADED_VERSION, access, name, signature, superName, interfaces);
          }

          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return new JSRInlinerAdapter(next, access, name, descriptor, signature, exceptions);
          }
        };
    new ClassReader(oldClass).accept(upgrader, ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }
}
