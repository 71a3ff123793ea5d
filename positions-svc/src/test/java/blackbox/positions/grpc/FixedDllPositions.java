package blackbox.positions.grpc;

import blackbox.platform.domain.AccountId;
import blackbox.positions.service.GatewayPosition;
import blackbox.positions.service.GatewayPositions;
import blackbox.positions.service.PositionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A gateway whose DLL reports the positions the test gives it, and records which accounts were asked. */
final class FixedDllPositions implements GatewayPositions {
    private final Map<AccountId, List<GatewayPosition>> positions = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    boolean down;

    FixedDllPositions report(AccountId account, GatewayPosition position) {
        positions.computeIfAbsent(account, a -> new ArrayList<>()).add(position);
        return this;
    }

    @Override
    public List<GatewayPosition> list(AccountId account, PositionType type, java.util.Collection<blackbox.platform.domain.InstrumentId> alsoAsk) {
        if (down) throw new GatewayUnavailableException("routing disconnected", null);
        asked.add(account + "/" + type);
        return positions.getOrDefault(account, List.of()).stream().filter(p -> p.type() == type).toList();
    }
}
