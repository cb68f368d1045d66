package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Bring the candidate up beside the stable revision, test it through a preview Service, then switch all traffic at once. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BlueGreenStrategy {

    @JsonPropertyDescription("Name of the Service that reaches only the candidate; `<target>-preview` when absent.")
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    @Size(max = 63)
    private String previewService;

    @JsonPropertyDescription("Pods of the candidate before promotion; the stable revision's count when absent.")
    @Min(1)
    private Integer previewReplicas;

    @JsonPropertyDescription("Checks run against the candidate before the switch.")
    private AnalysisStep prePromotionAnalysis;

    @JsonPropertyDescription(
            "Checks run after the switch, during the scale-down delay; a failure switches traffic back.")
    private AnalysisStep postPromotionAnalysis;

    @JsonPropertyDescription(
            "Promote this long after the candidate is ready and pre-promotion checks pass; wait for a manual promotion when absent.")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String autoPromotionAfter;

    @JsonPropertyDescription("How long the old revision stays up after the switch, ready to take traffic back.")
    @Default("30s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String scaleDownDelay = "30s";

    public String getPreviewService() {
        return previewService;
    }

    public void setPreviewService(String previewService) {
        this.previewService = previewService;
    }

    public Integer getPreviewReplicas() {
        return previewReplicas;
    }

    public void setPreviewReplicas(Integer previewReplicas) {
        this.previewReplicas = previewReplicas;
    }

    public AnalysisStep getPrePromotionAnalysis() {
        return prePromotionAnalysis;
    }

    public void setPrePromotionAnalysis(AnalysisStep prePromotionAnalysis) {
        this.prePromotionAnalysis = prePromotionAnalysis;
    }

    public AnalysisStep getPostPromotionAnalysis() {
        return postPromotionAnalysis;
    }

    public void setPostPromotionAnalysis(AnalysisStep postPromotionAnalysis) {
        this.postPromotionAnalysis = postPromotionAnalysis;
    }

    public String getAutoPromotionAfter() {
        return autoPromotionAfter;
    }

    public void setAutoPromotionAfter(String autoPromotionAfter) {
        this.autoPromotionAfter = autoPromotionAfter;
    }

    public String getScaleDownDelay() {
        return scaleDownDelay;
    }

    public void setScaleDownDelay(String scaleDownDelay) {
        this.scaleDownDelay = scaleDownDelay;
    }
}
