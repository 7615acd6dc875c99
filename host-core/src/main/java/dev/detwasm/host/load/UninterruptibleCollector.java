package dev.detwasm.host.load;

import com.dylibso.chicory.compiler.internal.ClassLoadingCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.compiler.internal.CompilerResult;
import com.dylibso.chicory.compiler.internal.MachineFactory;
import com.dylibso.chicory.compiler.internal.Shaded;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Collects the AOT compiler's classes as Chicory's own collector does, but hands the compiler a
 * copy of its runtime helpers ({@link Shaded}, which it copies into every compiled module) whose
 * {@code checkInterruption} does nothing.
 *
 * <p>The compiled code calls that method at every function entry and loop back-edge to ask
 * whether the thread was interrupted: a volatile read, after which HotSpot may not reuse the
 * memory's fields it read before, so a tight loop over guest memory reloads them on every
 * iteration. detwasm never stops a guest by interrupting its thread: the step budget, time
 * slices and every other preemption come from the {@code fuel} and access-point passes, which
 * call the host. So the poll costs and buys nothing.
 */
final class UninterruptibleCollector extends ClassLoadingCollector {
    private static final String POLL = "checkInterruption";

    /** Compiles with {@code compiler}, collecting its classes in a collector of this kind. */
    static CompilerResult compile(Compiler.Builder compiler) {
        return compiler.withClassCollectorFactory(UninterruptibleCollector::new).build().compile();
    }

    /** Makes machines for instances of {@code module} from {@link #compile}'s {@code result}. */
    static Function<Instance, Machine> machines(WasmModule module, CompilerResult result) {
        return new MachineFactory(
                module, ((ClassLoadingCollector) result.collector()).machineFactory());
    }

    /** Asked once per compilation (a compile-cache miss), so the helpers are rewritten anew. */
    @Override
    public byte[] resolve(Class<?> clazz) {
        byte[] bytes = super.resolve(clazz);
        return clazz == Shaded.class ? withoutPoll(bytes) : bytes;
    }

    /** {@code shaded} with the body of every static {@code checkInterruption()V} a bare return. */
    private static byte[] withoutPoll(byte[] shaded) {
        ClassReader reader = new ClassReader(shaded);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor,
                    String signature, String[] exceptions) {
                MethodVisitor method =
                        super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals(POLL) || !descriptor.equals("()V")
                        || (access & Opcodes.ACC_STATIC) == 0) {
                    return method;
                }
                method.visitCode();
                method.visitInsn(Opcodes.RETURN);
                method.visitMaxs(0, 0);
                method.visitEnd();
                return null;  // the original body is dropped
            }
        }, 0);
        return writer.toByteArray();
    }
}
