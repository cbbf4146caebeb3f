package org.termcurator.core.curate;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Counts tokens offline with a JTokkit encoding. A message costs its content's tokens plus
 * {@link #MESSAGE_OVERHEAD} for the chat template's role markers, as OpenAI's chat format counts them.
 */
public final class TokenCounter {

    public static final int MESSAGE_OVERHEAD = 4;

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final String name;
    private final Encoding encoding;

    public TokenCounter(String encodingName) {
        Optional<EncodingType> type = EncodingType.fromName(encodingName);
        if (type.isEmpty()) {
            throw new IllegalArgumentException("unknown token encoding '" + encodingName + "' (known: "
                    + encodingNames() + ")");
        }
        this.name = encodingName;
        this.encoding = REGISTRY.getEncoding(type.get());
    }

    public String name() {
        return name;
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /** Tokens of one chat message with the given content. */
    public int message(String content) {
        return MESSAGE_OVERHEAD + count(content);
    }

    public static boolean isKnownEncoding(String name) {
        return EncodingType.fromName(name).isPresent();
    }

    public static List<String> encodingNames() {
        return Arrays.stream(EncodingType.values()).map(EncodingType::getName).toList();
    }
}
