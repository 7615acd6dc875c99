package dev.detwasm.transform;

import dev.detwasm.transform.internal.ByteWriter;
import java.util.Random;

/**
 * Generates structurally valid modules (every section kind the rewriter reads, every element
 * and data segment form, nested control, calls and ref.func, atomics, bulk memory, padded
 * LEB128s) from a seed. Bodies are not type-correct: the rewriter does not type-check.
 */
final class ModuleGenerator {
    private final Random rnd;
    private int types;
    private int importedFunctions;
    private int definedFunctions;
    private int globals;

    ModuleGenerator(long seed) {
        rnd = new Random(seed);
    }

    byte[] generate() {
        ByteWriter m = new ByteWriter(256);
        m.bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        types = 1 + rnd.nextInt(4);
        importedFunctions = rnd.nextInt(3);
        definedFunctions = 1 + rnd.nextInt(5);
        boolean sharedImport = rnd.nextBoolean();
        maybeCustom(m);
        section(m, 1, w -> {
            u32(w, types);
            for (int i = 0; i < types; i++) {
                w.u8(0x60);
                valueTypes(w, rnd.nextInt(3));
                valueTypes(w, rnd.nextInt(3));
            }
        });
        int importedGlobals = rnd.nextInt(2);
        section(m, 2, w -> {
            u32(w, importedFunctions + importedGlobals + 1);
            for (int i = 0; i < importedFunctions; i++) {
                w.name("env").name("f" + i).u8(0);
                u32(w, rnd.nextInt(types));
            }
            for (int i = 0; i < importedGlobals; i++) {
                w.name("env").name("__stack_pointer").u8(3).u8(0x7f).u8(1);
            }
            w.name("env").name("memory").u8(2);
            if (sharedImport) {
                w.u8(3).u32(1).u32(16);
            } else {
                w.u8(0).u32(1);
            }
        });
        section(m, 3, w -> {
            u32(w, definedFunctions);
            for (int i = 0; i < definedFunctions; i++) {
                u32(w, rnd.nextInt(types));
            }
        });
        section(m, 4, w -> u32(w, 1).u8(0x70).u8(1).u32(4).u32(8));
        int definedGlobals = 1 + rnd.nextInt(3);
        globals = importedGlobals + definedGlobals;
        section(m, 6, w -> {
            u32(w, definedGlobals);
            for (int i = 0; i < definedGlobals; i++) {
                if (rnd.nextBoolean()) {
                    w.u8(0x70).u8(0).u8(0xd2);
                    u32(w, function());
                    w.u8(0x0b);
                } else {
                    w.u8(0x7f).u8(1).u8(0x41).s32(rnd.nextInt()).u8(0x0b);
                }
            }
        });
        maybeCustom(m);
        section(m, 7, w -> {
            u32(w, 3);
            w.name("f").u8(0);
            u32(w, function());
            w.name("g").u8(3);
            u32(w, rnd.nextInt(globals));
            w.name("_start").u8(0);
            u32(w, function());
        });
        if (rnd.nextBoolean()) {
            section(m, 8, w -> u32(w, function()));
        }
        section(m, 9, w -> {
            u32(w, 8);
            for (int flags = 0; flags < 8; flags++) {
                u32(w, flags);
                boolean passive = (flags & 1) != 0;
                boolean table = (flags & 2) != 0;
                boolean exprs = (flags & 4) != 0;
                if (!passive) {
                    if (table) {
                        u32(w, 0);
                    }
                    w.u8(0x41).s32(rnd.nextInt(4)).u8(0x0b);
                }
                if (passive || table) {
                    w.u8(exprs ? 0x70 : 0x00);
                }
                int n = rnd.nextInt(3);
                u32(w, n);
                for (int i = 0; i < n; i++) {
                    if (exprs) {
                        if (rnd.nextBoolean()) {
                            w.u8(0xd2);
                            u32(w, function());
                        } else {
                            w.u8(0xd0).u8(0x70);
                        }
                        w.u8(0x0b);
                    } else {
                        u32(w, function());
                    }
                }
            }
        });
        section(m, 12, w -> u32(w, 2));
        section(m, 10, w -> {
            u32(w, definedFunctions);
            for (int i = 0; i < definedFunctions; i++) {
                ByteWriter body = new ByteWriter(64);
                int groups = rnd.nextInt(3);
                u32(body, groups);
                for (int g = 0; g < groups; g++) {
                    u32(body, 1 + rnd.nextInt(3)).u8(0x7f - rnd.nextInt(4));
                }
                instructions(body, 0);
                body.u8(0x0b);
                u32(w, body.size()).bytes(body);
            }
        });
        section(m, 11, w -> {
            u32(w, 2);
            u32(w, 0);
            w.u8(0x41).s32(rnd.nextInt(1024)).u8(0x0b).u32(3).bytes(new byte[] {1, 2, 3});
            u32(w, 1);
            w.u32(2).bytes(new byte[] {4, 5});
        });
        section(m, 0, w -> {
            w.name("name");
            ByteWriter sub = new ByteWriter(32);
            u32(sub, definedFunctions);
            for (int i = 0; i < definedFunctions; i++) {
                u32(sub, importedFunctions + i).name("fn" + i);
            }
            w.u8(1);
            u32(w, sub.size()).bytes(sub);
            sub = new ByteWriter(32);
            u32(sub, 1);
            u32(sub, importedFunctions).u32(1).u32(0).name("x");
            w.u8(2);
            u32(w, sub.size()).bytes(sub);
            w.u8(3);
            u32(w, sub.size()).bytes(sub);
            sub = new ByteWriter(32);
            u32(sub, 1).u32(0).name(importedGlobals > 0 ? "__stack_pointer" : "g0");
            w.u8(7);
            u32(w, sub.size()).bytes(sub);
        });
        maybeCustom(m);
        return m.toByteArray();
    }

    private int function() {
        return rnd.nextInt(importedFunctions + definedFunctions);
    }

    private void instructions(ByteWriter w, int depth) {
        int n = rnd.nextInt(depth == 0 ? 30 : 8);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(24)) {
                case 0 -> {
                    w.u8(0x02 + rnd.nextInt(2)).u8(0x40);
                    instructions(w, depth + 1);
                    w.u8(0x0b);
                }
                case 1 -> {
                    w.u8(0x04).u8(rnd.nextBoolean() ? 0x40 : 0x7f);
                    instructions(w, depth + 1);
                    if (rnd.nextBoolean()) {
                        w.u8(0x05);
                        instructions(w, depth + 1);
                    }
                    w.u8(0x0b);
                }
                case 2 -> {
                    w.u8(0x02);
                    w.s64(rnd.nextInt(types));
                    instructions(w, depth + 1);
                    w.u8(0x0b);
                }
                case 3 -> u32(w.u8(0x10), function());
                case 4 -> u32(w.u8(0xd2), function());
                case 5 -> u32(u32(w.u8(0x11), rnd.nextInt(types)), 0);
                case 6 -> u32(w.u8(0x0c + rnd.nextInt(2)), rnd.nextInt(depth + 1));
                case 7 -> {
                    w.u8(0x0e);
                    u32(w, 2).u32(0).u32(depth);
                    u32(w, 0);
                }
                case 8 -> u32(w.u8(0x20 + rnd.nextInt(3)), rnd.nextInt(2));
                case 9 -> u32(w.u8(0x23 + rnd.nextInt(2)), rnd.nextInt(globals));
                case 10 -> memarg(w.u8(0x28 + rnd.nextInt(0x3e - 0x28 + 1)));
                case 11 -> w.u8(0x41).s32(rnd.nextInt());
                case 12 -> w.u8(0x42).s64(rnd.nextLong());
                case 13 -> w.u8(0x43).bytes(new byte[4]);
                case 14 -> w.u8(0x44).bytes(new byte[8]);
                case 15 -> w.u8(0x45 + rnd.nextInt(0xc4 - 0x45 + 1));
                case 16 -> memarg(w.u8(0xfe).u32(rnd.nextBoolean() ? rnd.nextInt(3) : 0x10 + rnd.nextInt(0x3f)));
                case 17 -> w.u8(0xfe).u32(3).u8(0);
                case 18 -> w.u8(0xfc).u32(rnd.nextInt(8));
                case 19 -> w.u8(0xfc).u32(10).u8(0).u8(0);
                case 20 -> w.u8(0xfc).u32(8).u32(rnd.nextInt(2)).u8(0);
                case 21 -> w.u8(0x1c).u32(1).u8(0x7f);
                case 22 -> w.u8(0x3f + rnd.nextInt(2)).u8(0);
                default -> w.u8(new int[] {0x00, 0x01, 0x0f, 0x1a, 0x1b, 0xd1}[rnd.nextInt(6)]);
            }
        }
    }

    private void memarg(ByteWriter w) {
        u32(w, rnd.nextInt(4));
        u32(w, rnd.nextInt(3) == 0 ? rnd.nextInt() & 0x7fffffff : rnd.nextInt(64));
    }

    private void valueTypes(ByteWriter w, int n) {
        u32(w, n);
        for (int i = 0; i < n; i++) {
            w.u8(0x7f - rnd.nextInt(4));
        }
    }

    /** A u32, sometimes padded to 5 bytes as linkers write relocatable ones. */
    private ByteWriter u32(ByteWriter w, int v) {
        return w.u32(v, rnd.nextInt(4) == 0 ? 5 : 1);
    }

    private void maybeCustom(ByteWriter m) {
        if (rnd.nextBoolean()) {
            section(m, 0, w -> w.name("producers").bytes(new byte[] {1, 2, 3}));
        }
    }

    private void section(ByteWriter m, int id, java.util.function.Consumer<ByteWriter> content) {
        ByteWriter c = new ByteWriter(64);
        content.accept(c);
        m.u8(id);
        u32(m, c.size()).bytes(c);
    }
}
