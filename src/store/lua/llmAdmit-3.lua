--[[
  llmAdmit — admit one model call if the day's token budget is not spent and neither the user's
  nor the bot's calls in this minute window reached their limit; counts the call in both windows.
  Checking and counting in one script keeps two processes from both taking the last slot.

  KEYS: 1 user window, 2 global window, 3 day usage hash
  ARGV: 1 per-user limit, 2 global limit, 3 daily token budget (0 = none), 4 window TTL ms
  Replies:
    {'ok'}                  admitted and counted
    {'budget', tokensUsed}  the day's budget is spent
    {'user', pttl}          the user's window is full
    {'global', pttl}        the bot's window is full
]]
local budget = tonumber(ARGV[3])
if budget > 0 then
  local used = tonumber(redis.call('HGET', KEYS[3], 'tokens') or '0')
  if used >= budget then return {'budget', used} end
end
local u = tonumber(redis.call('GET', KEYS[1]) or '0')
if u >= tonumber(ARGV[1]) then return {'user', redis.call('PTTL', KEYS[1])} end
local g = tonumber(redis.call('GET', KEYS[2]) or '0')
if g >= tonumber(ARGV[2]) then return {'global', redis.call('PTTL', KEYS[2])} end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return {'ok'}
