package org.termcurator.core.curate.trainer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model folder's Hugging Face {@code tokenizer.json} (through DJL's binding of the tokenizers
 * library, whose native part ships in its jar) and chat template: counts the tokens of a
 * conversation as the model sees it, on the text the template renders. Closing frees the
 * native tokenizer.
 */
public final class ModelTokenizer implements AutoCloseable {

    private final Path folder;
    private final HuggingFaceTokenizer tokenizer;
    private final ChatTemplate template;

    private ModelTokenizer(Path folder, HuggingFaceTokenizer tokenizer, ChatTemplate template) {
        this.folder = folder;
        this.tokenizer = tokenizer;
        this.template = template;
    }

    /** Opens {@code folder}/tokenizer.json and the folder's chat template; a missing file is named in the error. */
    public static ModelTokenizer open(Path folder) throws IOException {
        Path json = folder.resolve("tokenizer.json");
        if (!Files.isRegularFile(json)) {
            throw new IOException(json + ": no tokenizer.json in the model folder");
        }
        ChatTemplate template = ChatTemplate.fromModelFolder(folder);
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(json).optAddSpecialTokens(false)
                    .optTruncation(false).optPadding(false).build();
        } catch (RuntimeException e) {
            throw new IOException(json + ": not a tokenizer the Hugging Face tokenizers library reads (" + e.getMessage()
                    + ")", e);
        }
        return new ModelTokenizer(folder, tokenizer, template);
    }

    public Path folder() {
        return folder;
    }

    public ChatTemplate template() {
        return template;
    }

    /** Tokens of {@code text} with no special tokens added (the template writes its own). */
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
