package blackbox.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median, min and max of a few measured runs. */
record Stats(List<Double> values) {
    Stats {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("no runs");
    }

    private List<Double> sorted() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }

    double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    double min() {
        return sorted().getFirst();
    }

    double max() {
        return sorted().getLast();
    }

    static String millions(double perSecond) {
        return perSecond >= 1e6 ? String.format("%.2fM", perSecond / 1e6) : String.format("%.1fk", perSecond / 1e3);
    }
}
