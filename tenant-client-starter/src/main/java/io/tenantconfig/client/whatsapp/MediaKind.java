package io.tenantconfig.client.whatsapp;

import java.util.Locale;

/**
 * Media message types of the Cloud API.
 */
public enum MediaKind {
    IMAGE(true), AUDIO(false), VIDEO(true), DOCUMENT(true), STICKER(false);

    private final boolean captioned;

    MediaKind(boolean captioned) {
        this.captioned = captioned;
    }

    /** Whether Meta accepts a caption for this type. */
    public boolean acceptsCaption() {
        return captioned;
    }

    /** The name Meta uses, e.g. {@code image}. */
    public String graphName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
