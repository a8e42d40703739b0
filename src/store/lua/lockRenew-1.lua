--[[
  lockRenew — extend a conversation's processing lock, only while we still hold it. A model call
  can outlast conversation.lockTtlMs; renewing keeps another process from taking the turn over
  (and the commit from being refused as 'lost') while the call is still under way.

  KEYS: 1 lock
  ARGV: 1 token, 2 TTL ms
  Replies: 1 renewed, 0 not ours (expired and taken, or released)
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
