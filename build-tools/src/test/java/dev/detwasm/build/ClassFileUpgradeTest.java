package dev.detwasm.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ClassFileUpgradeTest {
  @TempDir Path lib;

  /**
   * A Java 5 class whose methods need frames that merge types (one pair from the JDK, one from
   * another jar of the directory) and one that calls a subroutine (JSR/RET).
   */
  private static byte[] oldClass() {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    w.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "old/Old", null,
        "java/lang/Object", null);
    pick(w, "pickList", "java/util/AbstractList", "java/util/ArrayList", "java/util/LinkedList");
    pick(w, "pickShape", "modern/Shape", "modern/Square", "modern/Circle");
    MethodVisitor m =
        w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "viaSubroutine", "()I", null, null);
    m.visitCode();
    Label subroutine = new Label();
    m.visitJumpInsn(Opcodes.JSR, subroutine);
    m.visitIntInsn(Opcodes.BIPUSH, 42);
    m.visitInsn(Opcodes.IRETURN);
    m.visitLabel(subroutine);
    m.visitVarInsn(Opcodes.ASTORE, 0);
    m.visitVarInsn(Opcodes.RET, 0);
    m.visitMaxs(0, 0);
    m.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  /** {@code static RESULT NAME(boolean b) { return b ? new FIRST() : new SECOND(); }} */
  private static void pick(ClassWriter w, String name, String result, String first, String second) {
    MethodVisitor m =
        w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, "(Z)L" + result + ";", null,
            null);
    m.visitCode();
    Label otherwise = new Label();
    Label done = new Label();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitJumpInsn(Opcodes.IFEQ, otherwise);
    construct(m, first);
    m.visitJumpInsn(Opcodes.GOTO, done);
    m.visitLabel(otherwise);
    construct(m, second);
    m.visitLabel(done);
    m.visitInsn(Opcodes.ARETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
  }

  private static void construct(MethodVisitor m, String type) {
    m.visitTypeInsn(Opcodes.NEW, type);
    m.visitInsn(Opcodes.DUP);
    m.visitMethodInsn(Opcodes.INVOKESPECIAL, type, "<init>", "()V", false);
  }

  /** A Java 8 class {@code NAME extends SUPER} with a public no-argument constructor. */
  private static byte[] modernClass(String name, String superName) {
    ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    w.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, superName, null);
    MethodVisitor m = w.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    m.visitCode();
    m.visitVarInsn(Opcodes.ALOAD, 0);
    m.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
    m.visitInsn(Opcodes.RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  private static void writeJar(Path jar, Map<String, byte[]> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(1_700_000_000_000L);
        out.putNextEntry(entry);
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }

  private static byte[] entry(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getInputStream(zip.getEntry(name)).readAllBytes();
    }
  }

  private Path[] writeLibrary() throws IOException {
    Map<String, byte[]> old = new LinkedHashMap<>();
    old.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes());
    old.put("old/Old.class", oldClass());
    old.put("old/modern/Kept.class", modernClass("old/modern/Kept", "java/lang/Object"));
    Map<String, byte[]> modern = new LinkedHashMap<>();
    modern.put("modern/Shape.class", modernClass("modern/Shape", "java/lang/Object"));
    modern.put("modern/Square.class", modernClass("modern/Square", "modern/Shape"));
    modern.put("modern/Circle.class", modernClass("modern/Circle", "modern/Shape"));
    Path oldJar = lib.resolve("old.jar");
    Path modernJar = lib.resolve("modern.jar");
    writeJar(oldJar, old);
    writeJar(modernJar, modern);
    return new Path[] {oldJar, modernJar};
  }

  @Test
  void oldClassesRunVerifiedAtTheNewVersionAndTheRestIsKept() throws Exception {
    Path[] jars = writeLibrary();
    byte[] kept = entry(jars[0], "old/modern/Kept.class");

    ClassFileUpgrade.main(new String[] {lib.toString()});

    assertEquals(Opcodes.V1_7,
        new ClassReader(entry(jars[0], "old/Old.class")).readUnsignedShort(6));
    assertArrayEquals(kept, entry(jars[0], "old/modern/Kept.class"));
    assertArrayEquals("Manifest-Version: 1.0\n".getBytes(), entry(jars[0], "META-INF/MANIFEST.MF"));
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jars[0].toUri().toURL(), jars[1].toUri().toURL()}, null)) {
      Class<?> old = loader.loadClass("old.Old");
      Method pickList = old.getMethod("pickList", boolean.class);
      assertInstanceOf(ArrayList.class, pickList.invoke(null, true));
      assertInstanceOf(LinkedList.class, pickList.invoke(null, false));
      Method pickShape = old.getMethod("pickShape", boolean.class);
      assertEquals("modern.Square", pickShape.invoke(null, true).getClass().getName());
      assertEquals("modern.Circle", pickShape.invoke(null, false).getClass().getName());
      assertEquals(42, old.getMethod("viaSubroutine").invoke(null));
    }
  }

  @Test
  void aSecondRunAndAJarWithoutOldClassesChangeNothing() throws Exception {
    Path[] jars = writeLibrary();
    FileTime modernTime = FileTime.fromMillis(1_600_000_000_000L);
    Files.setLastModifiedTime(jars[1], modernTime);
    byte[] modernBytes = Files.readAllBytes(jars[1]);

    ClassFileUpgrade.main(new String[] {lib.toString()});
    byte[] upgraded = Files.readAllBytes(jars[0]);
    ClassFileUpgrade.main(new String[] {lib.toString()});

    assertArrayEquals(upgraded, Files.readAllBytes(jars[0]));
    assertArrayEquals(modernBytes, Files.readAllBytes(jars[1]));
    assertEquals(modernTime, Files.getLastModifiedTime(jars[1]));
  }
}
