package dev.parley.runtime.plugins;

import dev.parley.api.ComponentConfig;
import dev.parley.api.stt.SttEngine;
import dev.parley.api.stt.SttProvider;

/** In-test providers for registry tests (never created: registry tests only index them). */
public final class TestProviders {
    private TestProviders() {
    }

    /** An stt provider with a chosen id. */
    public static SttProvider stt(String id) {
        return new NamedStt(id);
    }

    /** A different class with the same kind, to provoke a duplicate. */
    public static SttProvider otherStt(String id) {
        return new OtherStt(id);
    }

    public static class NamedStt implements SttProvider {
        private final String id;

        public NamedStt() {
            this("serviceloaded-stt");
        }

        NamedStt(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public SttEngine create(ComponentConfig config) {
            throw new UnsupportedOperationException("registry test provider");
        }
    }

    static final class OtherStt extends NamedStt {
        OtherStt(String id) {
            super(id);
        }
    }
}
