--[[
  outboxTake — take (or renew) the account's sender lease and hand out the next message.
  A message left in `sending` by a crashed sender comes first, so nothing is lost and order holds.

  KEYS: 1 queue, 2 sending, 3 lease
  ARGV: 1 token, 2 lease TTL ms
  Replies:
    {'held', pttl}  another sender holds the lease
    {'item', json}  the message to deliver (it stays in `sending` until acked or buried)
    {'empty'}       nothing to deliver
]]
local holder = redis.call('GET', KEYS[3])
if holder and holder ~= ARGV[1] then return {'held', redis.call('PTTL', KEYS[3])} end
redis.call('SET', KEYS[3], ARGV[1], 'PX', ARGV[2])
local cur = redis.call('LINDEX', KEYS[2], -1)
if cur then return {'item', cur} end
local nxt = redis.call('RPOPLPUSH', KEYS[1], KEYS[2])
if nxt then return {'item', nxt} end
return {'empty'}
