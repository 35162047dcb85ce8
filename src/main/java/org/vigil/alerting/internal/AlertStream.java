package org.vigil.alerting.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vigil.alerting.AlertChanged;

/**
 * The live stream of alert changes, per organization: each open screen holds one
 * {@link SseEmitter}; an {@link AlertChanged} goes to every emitter of its organization once the
 * change committed (sent from one background thread, so a slow client never holds up a nurse's
 * action). In process: each node streams the changes it made or saw (see docs/api.md, "Triage").
 */
@Component
class AlertStream {

    private final Map<String, Set<SseEmitter>> byOrganization = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alert-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration timeout;

    AlertStream(@Value("${vigil.alerts.stream-timeout:30m}") Duration timeout) {
        this.timeout = timeout;
    }

    SseEmitter open(String organizationId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Set<SseEmitter> emitters = byOrganization.computeIfAbsent(organizationId, k -> ConcurrentHashMap.newKeySet());
        emitters.add(emitter);
        Runnable remove = () -> emitters.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // Tells the client it is subscribed: every change from now on reaches it.
            emitter.send(SseEmitter.event().name("ready").data("{}"));
        } catch (IOException e) {
            emitters.remove(emitter);
            emitter.completeWithError(e);
        }
        return emitter;
    }

    int subscribers(String organizationId) {
        Set<SseEmitter> emitters = byOrganization.get(organizationId);
        return emitters == null ? 0 : emitters.size();
    }

    @EventListener
    void on(AlertChanged change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fanOut(change);
                }
            });
        } else {
            fanOut(change);
        }
    }

    private void fanOut(AlertChanged change) {
        Set<SseEmitter> emitters = byOrganization.get(change.organizationId());
        if (emitters == null || emitters.isEmpty()) {
            return;
        }
        sender.execute(() -> {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("type", change.type());
            data.put("alertId", change.alertId());
            data.put("status", change.status());
            data.put("severity", change.severity());
            data.put("claimedById", change.claimedById());
            data.put("escalationLevel", change.escalationLevel());
            data.put("at", change.at().toString());
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().name("alert").data(data, org.springframework.http.MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException e) {
                    emitters.remove(emitter);
                }
            }
        });
    }

    /** Ends every stream before the server's graceful shutdown waits for open requests. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byOrganization.values().forEach(emitters -> {
            emitters.forEach(SseEmitter::complete);
            emitters.clear();
        });
    }
}
