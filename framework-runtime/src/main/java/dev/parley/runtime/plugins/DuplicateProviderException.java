package dev.parley.runtime.plugins;

import dev.parley.api.ConfigException;

/** Two providers claim the same kind and id; the message names both origins and what to do. */
public class DuplicateProviderException extends ConfigException {
    public DuplicateProviderException(RegisteredProvider first, RegisteredProvider second) {
        super("two providers claim " + first.kind().yamlKey() + " id '" + first.id() + "': "
                + first.provider().getClass().getName() + " from " + first.origin().label() + " and "
                + second.provider().getClass().getName() + " from " + second.origin().label()
                + "; remove or disable one of them");
    }
}
