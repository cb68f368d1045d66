-- Argo CD health assessment for gantry.dev/ModelDeployment.
-- Healthy: the Ready condition is True for the current generation.
-- Degraded: something a person must fix (invalid spec, missing Secret or PVC, crash loop, image pull).
-- Progressing: everything else (model loading, revision rolling out, operator not caught up yet).
local hs = { status = "Progressing", message = "Waiting for the Gantry operator" }

local function condition(status, kind)
  if status == nil or status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == kind then
      return c
    end
  end
  return nil
end

if obj.status == nil then
  return hs
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= nil
    and obj.status.observedGeneration < obj.metadata.generation then
  hs.message = "Waiting for the operator to observe generation " .. obj.metadata.generation
  return hs
end

local ready = condition(obj.status, "Ready")
local degraded = condition(obj.status, "Degraded")

if degraded ~= nil and degraded.status == "True" then
  hs.status = "Degraded"
  hs.message = (degraded.reason or "Degraded") .. ": " .. (degraded.message or "")
  return hs
end
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = "Ready " .. (obj.status.ready or "") .. " revision " .. (obj.status.stableRevision or "")
  return hs
end
if ready ~= nil then
  hs.message = (ready.reason or "NotReady") .. ": " .. (ready.message or "")
end
return hs
