package dev.bongsu.model.config.receiver;

import dev.bongsu.model.config.ConfigNode;
import java.util.List;
import java.util.Objects;

/**
 * Telegram Bot API {@code sendMessage}.
 *
 * @param url      the API base URL
 * @param botToken the bot token ({@code 123456:ABC-DEF}), part of the request path
 * @param chatId   the chat to post to
 */
public record TelegramSettings(String url, String botToken, String chatId) implements ReceiverSettings {
    /** The YAML type name. */
    public static final String TYPE = "telegram";
    /** The keys of this kind besides the common ones. */
    public static final List<String> KEYS = List.of("url", "botToken", "chatId");
    /** The API base URL used when {@code url} is not set. */
    public static final String DEFAULT_URL = "https://api.telegram.org";
    private static final String TOKEN = "a Telegram bot token such as 123456:ABC-DEF";

    public TelegramSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(chatId, "chatId");
    }

    /** Reads the optional {@code url} and the required {@code botToken} and {@code chatId}. */
    public static TelegramSettings read(ConfigNode r) {
        String url = ReceiverFields.urlOr(r.get("url"), DEFAULT_URL);
        String botToken = ReceiverFields.secret(r.require("botToken"), TOKEN);
        if (!botToken.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw r.get("botToken").secretError(TOKEN);
        }
        return new TelegramSettings(url, botToken, r.require("chatId").nonEmptyText());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secrets() {
        return ReceiverFields.present(url, botToken);
    }

    @Override
    public String toString() {
        return "TelegramSettings[url=(hidden), botToken=(hidden), chatId=" + chatId + "]";
    }
}
