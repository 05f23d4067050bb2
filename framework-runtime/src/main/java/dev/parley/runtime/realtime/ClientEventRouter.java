package dev.parley.runtime.realtime;

import dev.parley.runtime.conversation.Command;
import dev.parley.runtime.conversation.ConversationCore;
import dev.parley.runtime.conversation.ResponseOptions;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Maps each validated {@link ClientEvent} to what it means: a {@link Command} for the {@link ConversationCore},
 * or an action on the protocol's session object (an update to decide on, a close the client asked for), which
 * stays with the session ({@link SessionObject}). Stateless apart from its collaborators; used on the session actor.
 */
final class ClientEventRouter {
    /**
     * The protocol's session object, as the router needs it.
     *
     * @param config         the session as last confirmed to the client; updates are read against it
     * @param updates        takes a validated update for the core to decide on
     * @param closeRequested the client ended the session ({@code session.close})
     */
    record SessionObject(Supplier<SessionConfig> config, Consumer<SessionUpdates.SessionUpdate> updates,
                         Runnable closeRequested) {
    }

    private final ConversationCore core;
    private final SessionObject session;
    private final SessionTap tap;

    ClientEventRouter(ConversationCore core, SessionObject session, SessionTap tap) {
        this.core = core;
        this.session = session;
        this.tap = tap;
    }

    void route(ClientEvent e) {
        switch (e) {
            case ClientEvent.SessionUpdate u ->
                    session.updates().accept(SessionUpdates.update(u, session.config().get()));
            case ClientEvent.TranscriptionSessionUpdate u ->
                    session.updates().accept(SessionUpdates.update(u, session.config().get()));
            case ClientEvent.AudioAppend a -> {
                tap.clientAudio(a.audio());
                core.handle(new Command.AppendAudio(a.audio()));
            }
            case ClientEvent.AudioCommit c -> core.handle(new Command.CommitInput());
            case ClientEvent.AudioClear c -> core.handle(new Command.ClearInput());
            case ClientEvent.ItemCreate c -> core.handle(new Command.CreateItem(c.item(), c.previousItemId()));
            case ClientEvent.ItemRetrieve r -> core.handle(new Command.RetrieveItem(r.itemId()));
            case ClientEvent.ItemDelete d -> core.handle(new Command.DeleteItem(d.itemId()));
            case ClientEvent.ItemTruncate t ->
                    core.handle(new Command.TruncateItem(t.itemId(), t.contentIndex(), t.audioEndMs()));
            case ClientEvent.ResponseCreate c -> core.handle(new Command.CreateResponse(
                    c.response().applyTo(ResponseOptions.of(core.settings()), core)));
            case ClientEvent.ResponseCancel c -> core.handle(new Command.CancelResponse(c.responseId()));
            case ClientEvent.SessionClose c -> session.closeRequested().run();
        }
    }
}
