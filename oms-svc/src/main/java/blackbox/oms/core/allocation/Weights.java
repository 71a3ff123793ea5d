package blackbox.oms.core.allocation;

import blackbox.platform.domain.AccountId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Participants' weights as integers on one common scale (exact), their sum, and the tie-break ranks: the shared
 * arithmetic of {@link Allocator} and {@link CumulativeAllocation}.
 */
final class Weights {
    final List<Participant> participants;
    final BigInteger[] scaled;
    final BigInteger sum;
    final int[] rank;
    private final java.util.Map<AccountId, Integer> index = new java.util.HashMap<>();

    Weights(List<Participant> participants, TieBreak tieBreak) {
        this.participants = List.copyOf(participants);
        int n = participants.size();
        int scale = 0;
        for (Participant p : participants) scale = Math.max(scale, p.weight().stripTrailingZeros().scale());
        scaled = new BigInteger[n];
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            scaled[i] = participants.get(i).weight().setScale(Math.max(scale, 0)).unscaledValue();
            total = total.add(scaled[i]);
        }
        sum = total;
        rank = ranks(participants, tieBreak);
        for (int i = 0; i < n; i++) index.put(participants.get(i).account(), i);
    }

    /** The participant's index, -1 when not a participant. */
    int indexOf(AccountId account) {
        Integer i = index.get(account);
        return i == null ? -1 : i;
    }

    private static int[] ranks(List<Participant> participants, TieBreak tieBreak) {
        int n = participants.size();
        int[] rank = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        if (tieBreak == TieBreak.ACCOUNT_ASCENDING) {
            Comparator<Integer> byAccount = Comparator.comparing(i -> participants.get(i).account());
            Arrays.sort(order, byAccount);
        }
        for (int k = 0; k < n; k++) rank[order[k]] = k;
        return rank;
    }

    /** Indexes in rank order. */
    int[] inRankOrder() {
        int[] order = new int[rank.length];
        for (int i = 0; i < rank.length; i++) order[rank[i]] = i;
        return order;
    }

    AccountId account(int i) {
        return participants.get(i).account();
    }
}
