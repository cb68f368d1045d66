-- Argo CD health assessment for gantry.dev/ModelRollout.
-- Suspended: paused (a pause step without duration, spec.paused, or inconclusive analysis).
-- Degraded: the last candidate was rolled back or failed; Healthy again once Git holds a new revision
-- (a fix) or the stable one (a revert), so an aborted rollout never blocks the next sync.
-- Progressing: moving traffic or promoting. Healthy: idle or succeeded.
local hs = { status = "Progressing", message = "Waiting for the Gantry operator" }

if obj.status == nil or obj.status.phase == nil then
  return hs
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= nil
    and obj.status.observedGeneration < obj.metadata.generation then
  hs.message = "Waiting for the operator to observe generation " .. obj.metadata.generation
  return hs
end

local phase = obj.status.phase
local where = ""
if obj.status.step ~= nil then
  where = " at step " .. obj.status.step
end
if obj.status.currentWeight ~= nil then
  where = where .. ", weight " .. obj.status.currentWeight .. "%"
end

if phase == "Idle" or phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = "Stable revision " .. (obj.status.stableRevision or "")
elseif phase == "Paused" then
  hs.status = "Suspended"
  hs.message = "Paused" .. where .. ": " .. (obj.status.message or "")
elseif phase == "RolledBack" or phase == "Failed" then
  hs.status = "Degraded"
  hs.message = phase .. ": " .. (obj.status.message or "")
else
  hs.status = "Progressing"
  hs.message = phase .. where
end
return hs
