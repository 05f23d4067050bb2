package dev.parley.plugins.bench;

import dev.parley.api.stt.SttProvider;
import dev.parley.tck.SttTck;

/** The conformance kit's STT suite on the zero-cost bench stand-in (contracts only: it does not listen). */
class BenchSttTckTest extends SttTck {
    @Override
    protected SttProvider provider() {
        return new BenchSttProvider();
    }
}
