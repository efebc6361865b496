package org.waymark.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.waymark.risk.Answer;
import org.waymark.risk.CaseFacts;
import org.waymark.risk.CriminalJusticeOutcome;
import org.waymark.risk.DecisionEngine;
import org.waymark.risk.Evaluation;
import org.waymark.risk.PartnershipProfile;
import org.waymark.risk.ProfileCatalogue;
import org.waymark.risk.Severity;

/**
 * How long the decision rules take for one case: a busy household (three children, a pregnant
 * victim, 15 DASH yes answers) that fires most rules, under the national and Derby profiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionEngineBenchmark {

    private DecisionEngine engine;
    private PartnershipProfile national;
    private PartnershipProfile derby;
    private CaseFacts busyHousehold;
    private CaseFacts minorIncident;

    @Setup
    public void setUp() {
        engine = DecisionEngine.withShippedInstruments();
        ProfileCatalogue profiles = ProfileCatalogue.shipped();
        national = profiles.require("national");
        derby = profiles.require("derby-derbyshire");
        Map<Integer, Answer> answers = new TreeMap<>();
        for (int q = 1; q <= 24; q++) {
            answers.put(q, q <= 15 ? Answer.YES : Answer.NO);
        }
        busyHousehold = new CaseFacts(LocalDate.of(2026, 11, 20), new CaseFacts.Victim(26, true, false),
                new CaseFacts.Perpetrator(31, 0),
                List.of(new CaseFacts.Child(0, false, true, true, false, false, false, false),
                        new CaseFacts.Child(6, false, true, true, true, false, false, true),
                        new CaseFacts.Child(15, false, true, false, false, false, true, true)),
                new CaseFacts.Incident(Severity.SERIOUS, true, false, true, false, true, true, false, false,
                        CriminalJusticeOutcome.UNDER_INVESTIGATION),
                new CaseFacts.Dash(true, answers), null, false, 3, 4, 8,
                new CaseFacts.Household(true, true, false, false, false), 3, false);
        minorIncident = new CaseFacts(LocalDate.of(2026, 11, 20), new CaseFacts.Victim(40, false, false),
                null, List.of(), new CaseFacts.Incident(Severity.MINOR, false, false, false, false, false, false,
                false, false, CriminalJusticeOutcome.NO_FURTHER_ACTION), null, null, false, 1, null, null, null,
                null, false);
    }

    @Benchmark
    public Evaluation busyHouseholdNational() {
        return engine.evaluate(busyHousehold, national);
    }

    @Benchmark
    public Evaluation busyHouseholdDerby() {
        return engine.evaluate(busyHousehold, derby);
    }

    @Benchmark
    public Evaluation minorIncidentNational() {
        return engine.evaluate(minorIncident, national);
    }
}
