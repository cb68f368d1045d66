package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.*;
import dev.gantry.constraints.regex.RegexParser;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void hostnameTiming() throws Exception {
        var m = Class.forName("dev.gantry.constraints.json.Formats").getDeclaredMethod("hostnameLabels");
        m.setAccessible(true);
        String re = (String) m.invoke(null);
        long t0 = System.nanoTime();
        Dfa labels = Dfas.of(RegexParser.parseFullMatch(re), CompileBudget.UNLIMITED);
        long t1 = System.nanoTime();
        System.out.println("labels states " + labels.stateCount() + " classes " + labels.classCount() + " ms " + (t1 - t0) / 1e6);
        for (int rep = 0; rep < 3; rep++) { long x = System.nanoTime(); DfaBuilder.withLength(labels, 1, 253, CompileBudget.UNLIMITED); System.out.println("rep " + (System.nanoTime()-x)/1e6); }
        var prof = new java.util.ArrayList<String>();
        long t1b = System.nanoTime();
        Dfa h = DfaBuilder.withLength(labels, 1, 253, CompileBudget.UNLIMITED);
        long t2 = System.nanoTime();
        System.out.println("hostname states " + h.stateCount() + " ms " + (t2 - t1) / 1e6);
        for (String f : new String[] {"date-time", "time", "email", "uri", "ipv6"}) {
            long a = System.nanoTime();
            Dfa d = dev.gantry.constraints.json.Formats.content(f);
            System.out.println(f + " states " + d.stateCount() + " ms " + (System.nanoTime() - a) / 1e6);
        }
    }
}
