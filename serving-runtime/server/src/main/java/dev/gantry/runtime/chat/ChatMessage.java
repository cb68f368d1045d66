package dev.gantry.runtime.chat;

/** One message of a chat conversation, its content already flattened to text. */
public record ChatMessage(String role, String content) {}
