package blackbox.risk.testing;

import blackbox.gateway.v1.ConnectionState;
import blackbox.gateway.v1.MarketDataGatewayGrpc;
import blackbox.gateway.v1.SessionState;
import blackbox.gateway.v1.StreamSessionStateRequest;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/** A hand-written gateway whose StreamSessionState reports the routing state the test sets (the current one first). */
public final class GatewayWithRouting extends MarketDataGatewayGrpc.MarketDataGatewayImplBase {
    private final List<StreamObserver<SessionState>> streams = new ArrayList<>();
    private SessionState state = state(false, 0);

    private static SessionState state(boolean routing, long at) {
        return SessionState.newBuilder().setState(ConnectionState.CONNECTION_STATE_CONNECTED).setMarketDataConnected(true)
                .setRoutingConnected(routing).setChangedNanos(at).build();
    }

    public synchronized void routing(boolean connected, long atNanos) {
        state = state(connected, atNanos);
        for (StreamObserver<SessionState> s : streams) s.onNext(state);
    }

    public synchronized int streams() {
        return streams.size();
    }

    @Override
    public synchronized void streamSessionState(StreamSessionStateRequest request, StreamObserver<SessionState> response) {
        streams.add(response);
        ((io.grpc.stub.ServerCallStreamObserver<SessionState>) response).setOnCancelHandler(() -> {
            synchronized (GatewayWithRouting.this) {
                streams.remove(response);
            }
        });
        response.onNext(state);
    }
}
