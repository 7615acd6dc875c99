package dev.detwasm.host.load;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.CodeSection;
import com.dylibso.chicory.wasm.types.CustomSection;
import com.dylibso.chicory.wasm.types.DataCountSection;
import com.dylibso.chicory.wasm.types.DataSection;
import com.dylibso.chicory.wasm.types.ElementSection;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionSection;
import com.dylibso.chicory.wasm.types.GlobalSection;
import com.dylibso.chicory.wasm.types.ImportSection;
import com.dylibso.chicory.wasm.types.MemorySection;
import com.dylibso.chicory.wasm.types.Section;
import com.dylibso.chicory.wasm.types.SectionId;
import com.dylibso.chicory.wasm.types.StartSection;
import com.dylibso.chicory.wasm.types.TableSection;
import com.dylibso.chicory.wasm.types.TagSection;
import com.dylibso.chicory.wasm.types.TypeSection;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * A module parsed without its code: every section but the code section, whose function bodies
 * are empty placeholders. It is what an instance needs when every function runs as compiled
 * classes (which never read a body), at a fraction of the full parse's time and memory: the
 * code section is most of a large module, and its instructions become millions of objects.
 * Only for bytes already known valid (the compile cache held them).
 */
final class ModuleDeclarations {
    private static final FunctionBody PLACEHOLDER = new FunctionBody(List.of(), List.of());

    private ModuleDeclarations() {}

    /**
     * The module without its code, and without a {@link WasmModule#digest() digest}: the
     * digest only names a module for Chicory's own compile cache, which detwasm does not use,
     * and hashing the bytes is what a cached load avoids.
     */
    static WasmModule parse(String name, byte[] binary) throws LoadException {
        var parser = Parser.builder().withValidation(false);
        for (int id = SectionId.CUSTOM; id <= SectionId.TAG; id++) {
            if (id != SectionId.CODE) {
                parser.includeSectionId(id);
            }
        }
        var module = WasmModule.builder().withValidation(false);
        try {
            var functions = new FunctionSection[] {FunctionSection.builder().build()};
            parser.build().parse(new ByteArrayInputStream(binary), section -> {
                add(module, section);
                if (section instanceof FunctionSection f) {
                    functions[0] = f;
                }
            });
            var code = CodeSection.builder();
            for (int i = 0; i < functions[0].functionCount(); i++) {
                code.addFunctionBody(PLACEHOLDER);
            }
            return module.setCodeSection(code.build()).build();
        } catch (ChicoryException | IndexOutOfBoundsException e) {
            throw new LoadException(name + ": invalid module: " + ProgramLoader.oneLine(e.getMessage()));
        }
    }

    private static void add(WasmModule.Builder module, Section section) {
        switch (section.sectionId()) {
            case SectionId.CUSTOM -> {
                var custom = (CustomSection) section;
                module.addCustomSection(custom.name(), custom);
            }
            case SectionId.TYPE -> module.setTypeSection((TypeSection) section);
            case SectionId.IMPORT -> module.setImportSection((ImportSection) section);
            case SectionId.FUNCTION -> module.setFunctionSection((FunctionSection) section);
            case SectionId.TABLE -> module.setTableSection((TableSection) section);
            case SectionId.MEMORY -> module.setMemorySection((MemorySection) section);
            case SectionId.GLOBAL -> module.setGlobalSection((GlobalSection) section);
            case SectionId.EXPORT -> module.setExportSection((ExportSection) section);
            case SectionId.START -> module.setStartSection((StartSection) section);
            case SectionId.ELEMENT -> module.setElementSection((ElementSection) section);
            case SectionId.DATA -> module.setDataSection((DataSection) section);
            case SectionId.DATA_COUNT -> module.setDataCountSection((DataCountSection) section);
            case SectionId.TAG -> module.setTagSection((TagSection) section);
            default -> module.addIgnoredSection(section.sectionId());
        }
    }
}
