package dev.gantry.runtime.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    /** The Llama 2 chat template as published in its tokenizer_config.json. */
    private static final String LLAMA2 =
            "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}"
                    + "{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}"
                    + "{% set system_message = false %}{% endif %}{% for message in loop_messages %}"
                    + "{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
                    + "{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}"
                    + "{% if loop.index0 == 0 and system_message != false %}"
                    + "{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}"
                    + "{% else %}{% set content = message['content'] %}{% endif %}"
                    + "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content | trim + ' [/INST]' }}"
                    + "{% elif message['role'] == 'assistant' %}{{ ' '  + content | trim + ' ' + eos_token }}{% endif %}{% endfor %}";

    @Test
    void theDefaultTemplateWritesRolesAndPromptsTheAssistant() {
        ChatTemplate template = new ChatTemplate(null, "<s>", "</s>");

        String prompt = template.render(List.of(
                new ChatMessage("system", "You tell stories."),
                new ChatMessage("user", "A dog?"),
                new ChatMessage("assistant", "Yes."),
                new ChatMessage("user", "More!")));

        assertThat(template.isCustom()).isFalse();
        assertThat(prompt).isEqualTo("<s>You tell stories.\n\nUser: A dog?\nAssistant: Yes.\nUser: More!\nAssistant:");
    }

    @Test
    void aModelsOwnTemplateIsRenderedWithJinja() {
        ChatTemplate template = new ChatTemplate(LLAMA2, "<s>", "</s>");

        String prompt = template.render(List.of(
                new ChatMessage("system", "Be brief."),
                new ChatMessage("user", "Hi"),
                new ChatMessage("assistant", "Hello"),
                new ChatMessage("user", "Bye")));

        assertThat(prompt)
                .isEqualTo("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello </s><s>[INST] Bye [/INST]");
    }

    @Test
    void aTemplateThatRaisesRefusesTheConversationWithItsMessage() {
        ChatTemplate template = new ChatTemplate(LLAMA2, "<s>", "</s>");

        assertThatThrownBy(() -> template.render(List.of(new ChatMessage("user", "a"), new ChatMessage("user", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conversation roles must alternate");
    }
}
