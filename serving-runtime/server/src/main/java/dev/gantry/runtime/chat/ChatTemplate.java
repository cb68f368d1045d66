package dev.gantry.runtime.chat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a conversation with the {@code chat_template} from {@code tokenizer_config.json}, using
 * Jinjava with Hugging Face's settings (trim_blocks, lstrip_blocks, {@code raise_exception}). Models
 * without a template get {@link #DEFAULT_TEMPLATE}: a BOS token, one {@code Role: content} line per
 * message (system text as a paragraph of its own) and {@code Assistant:} as the generation prompt.
 */
public final class ChatTemplate {
    public static final String DEFAULT_TEMPLATE = "{{ bos_token }}"
            + "{% for message in messages %}"
            + "{% if message['role'] == 'system' %}{{ message['content'] }}\n\n"
            + "{% else %}{{ message['role'] | capitalize }}: {{ message['content'] }}\n{% endif %}"
            + "{% endfor %}"
            + "{% if add_generation_prompt %}Assistant:{% endif %}";

    private final Jinjava jinjava;
    private final String template;
    private final String bosToken;
    private final String eosToken;
    private final boolean custom;

    public ChatTemplate(String template, String bosToken, String eosToken) {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withFailOnUnknownTokens(false)
                .build();
        this.jinjava = new Jinjava(config);
        jinjava.getGlobalContext()
                .registerFunction(new ELFunctionDefinition(
                        "", "raise_exception", TemplateFunctions.class, "raiseException", String.class));
        this.custom = template != null && !template.isBlank();
        this.template = custom ? template : DEFAULT_TEMPLATE;
        this.bosToken = bosToken == null ? "" : bosToken;
        this.eosToken = eosToken == null ? "" : eosToken;
    }

    /** Whether the model brought its own template (otherwise the default is used). */
    public boolean isCustom() {
        return custom;
    }

    /**
     * The prompt text for {@code messages}, ending with the assistant's turn. Throws
     * {@link IllegalArgumentException} with the template's own message when it refuses the conversation
     * (e.g. roles that do not alternate).
     */
    public String render(List<ChatMessage> messages) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChatMessage message : messages) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", message.role());
            entry.put("content", message.content());
            list.add(entry);
        }
        Map<String, Object> context = new HashMap<>();
        context.put("messages", list);
        context.put("add_generation_prompt", true);
        context.put("bos_token", bosToken);
        context.put("eos_token", eosToken);
        TemplateFunctions.RAISED.remove();
        RenderResult result = jinjava.renderForResult(template, context);
        String raised = TemplateFunctions.RAISED.get();
        TemplateFunctions.RAISED.remove();
        if (raised != null) {
            throw new IllegalArgumentException("the chat template refused the conversation: " + raised);
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new IllegalArgumentException("the chat template failed: " + error.getMessage());
            }
        }
        return result.getOutput();
    }
}
