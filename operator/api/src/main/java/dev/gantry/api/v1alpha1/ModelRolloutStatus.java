package dev.gantry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.rollout.AnalysisRun;
import dev.gantry.api.v1alpha1.rollout.EvaluationResult;
import dev.gantry.api.v1alpha1.rollout.Measurement;
import dev.gantry.api.v1alpha1.rollout.PromotionProgress;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.RolloutRecord;
import dev.gantry.api.v1alpha1.rollout.RolloutSplit;
import dev.gantry.api.v1alpha1.rollout.StepStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a ModelRollout; the whole rollout state lives here so an operator restart resumes at the same step. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelRolloutStatus {

    @JsonPropertyDescription("Generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Idle, Progressing, Paused, Promoting, Succeeded, RolledBack or Failed.")
    private RolloutPhase phase;

    @JsonPropertyDescription("`Canary` or `BlueGreen`.")
    private String strategy;

    @JsonPropertyDescription("Revision serving stable traffic.")
    private String stableRevision;

    @JsonPropertyDescription("Revision being rolled out.")
    private String candidateRevision;

    @JsonPropertyDescription("Index of the current step, from 0; equal to totalSteps once all steps are done.")
    private Integer currentStepIndex;

    @JsonPropertyDescription("Number of steps.")
    private Integer totalSteps;

    @JsonPropertyDescription("Current step over total steps, for example `3/7`.")
    private String step;

    @JsonPropertyDescription(
            "Percentage of traffic the router sends to the candidate, as applied to the router object.")
    private Integer currentWeight;

    @JsonPropertyDescription("Traffic router in use.")
    private String router;

    @JsonPropertyDescription("How the weight is realised, for example the replica-ratio approximation.")
    private String weightNote;

    @JsonPropertyDescription("When the current step started (RFC 3339).")
    private String stepStartedAt;

    @JsonPropertyDescription("When the current rollout started (RFC 3339).")
    private String rolloutStartedAt;

    @JsonPropertyDescription(
            "Why the rollout is paused: PauseStep, AwaitingPromotion, Annotation, Spec, InconclusiveAnalysis or CheckFailed.")
    private String pauseReason;

    @JsonPropertyDescription(
            "The traffic split this rollout asks for; the ModelDeployment controller applies it and only it.")
    private RolloutSplit split;

    @JsonPropertyDescription("The analysis in progress, if any.")
    private AnalysisRun analysisRun;

    @JsonPropertyDescription("The evaluation of the candidate, once run.")
    private EvaluationResult evaluation;

    @JsonPropertyDescription("Progress of the final promotion, while promoting.")
    private PromotionProgress promotion;

    @JsonPropertyDescription("The strategy's steps with the current one marked.")
    private List<StepStatus> steps = new ArrayList<>();

    @JsonPropertyDescription("Latest measurements, newest first, bounded.")
    private List<Measurement> measurements = new ArrayList<>();

    @JsonPropertyDescription("Checks that failed in the current or last rollout.")
    private List<Measurement> failedChecks = new ArrayList<>();

    @JsonPropertyDescription("Progressing, Healthy, Paused and Completed, with CamelCase reasons.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("What is happening and, when stuck or failed, what to do.")
    private String message;

    @JsonPropertyDescription("Past rollouts, newest first, bounded.")
    private List<RolloutRecord> history = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public RolloutPhase getPhase() {
        return phase;
    }

    public void setPhase(RolloutPhase phase) {
        this.phase = phase;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public String getStableRevision() {
        return stableRevision;
    }

    public void setStableRevision(String stableRevision) {
        this.stableRevision = stableRevision;
    }

    public String getCandidateRevision() {
        return candidateRevision;
    }

    public void setCandidateRevision(String candidateRevision) {
        this.candidateRevision = candidateRevision;
    }

    public Integer getCurrentStepIndex() {
        return currentStepIndex;
    }

    public void setCurrentStepIndex(Integer currentStepIndex) {
        this.currentStepIndex = currentStepIndex;
    }

    public Integer getTotalSteps() {
        return totalSteps;
    }

    public void setTotalSteps(Integer totalSteps) {
        this.totalSteps = totalSteps;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public Integer getCurrentWeight() {
        return currentWeight;
    }

    public void setCurrentWeight(Integer currentWeight) {
        this.currentWeight = currentWeight;
    }

    public String getRouter() {
        return router;
    }

    public void setRouter(String router) {
        this.router = router;
    }

    public String getWeightNote() {
        return weightNote;
    }

    public void setWeightNote(String weightNote) {
        this.weightNote = weightNote;
    }

    public String getStepStartedAt() {
        return stepStartedAt;
    }

    public void setStepStartedAt(String stepStartedAt) {
        this.stepStartedAt = stepStartedAt;
    }

    public String getRolloutStartedAt() {
        return rolloutStartedAt;
    }

    public void setRolloutStartedAt(String rolloutStartedAt) {
        this.rolloutStartedAt = rolloutStartedAt;
    }

    public List<StepStatus> getSteps() {
        return steps;
    }

    public void setSteps(List<StepStatus> steps) {
        this.steps = steps;
    }

    public List<Measurement> getMeasurements() {
        return measurements;
    }

    public void setMeasurements(List<Measurement> measurements) {
        this.measurements = measurements;
    }

    public List<Measurement> getFailedChecks() {
        return failedChecks;
    }

    public void setFailedChecks(List<Measurement> failedChecks) {
        this.failedChecks = failedChecks;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<RolloutRecord> getHistory() {
        return history;
    }

    public void setHistory(List<RolloutRecord> history) {
        this.history = history;
    }

    public String getPauseReason() {
        return pauseReason;
    }

    public void setPauseReason(String pauseReason) {
        this.pauseReason = pauseReason;
    }

    public RolloutSplit getSplit() {
        return split;
    }

    public void setSplit(RolloutSplit split) {
        this.split = split;
    }

    public AnalysisRun getAnalysisRun() {
        return analysisRun;
    }

    public void setAnalysisRun(AnalysisRun analysisRun) {
        this.analysisRun = analysisRun;
    }

    public EvaluationResult getEvaluation() {
        return evaluation;
    }

    public void setEvaluation(EvaluationResult evaluation) {
        this.evaluation = evaluation;
    }

    public PromotionProgress getPromotion() {
        return promotion;
    }

    public void setPromotion(PromotionProgress promotion) {
        this.promotion = promotion;
    }
}
