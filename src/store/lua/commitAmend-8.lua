--[[
  commitAmend — commit-3 plus a new revision of a reopened record: the record is replaced only if
  still at the revision the author reopened (records without `rev` are revision 1), its indexes
  re-scored (the date may have changed), and the change appended to the record's audit list in the
  same step. The revision check is the same as in updateRecord-2.

  KEYS: 1 inbox, 2 lock, 3 state, 4 record, 5 idxAll, 6 idxGroup, 7 idxUser, 8 audit list
  ARGV: 1 token, 2 state JSON ('' = conversation over), 3 state TTL s, 4 lock TTL ms,
        5 record JSON, 6 score, 7 record id, 8 expected revision, 9 audit entry JSON
  Replies: as commit-3, with saved = 5 (amended), 3 (record gone) or 4 (changed meanwhile;
           nothing of the record written then)
]]
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {'lost'} end
if ARGV[2] == '' then redis.call('DEL', KEYS[3]) else redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[3]) end
local saved = 5
local cur = redis.call('GET', KEYS[4])
if not cur then saved = 3
else
  local ok, doc = pcall(cjson.decode, cur)
  local rev = 1
  if ok and type(doc) == 'table' and type(doc['rev']) == 'number' then rev = doc['rev'] end
  if tostring(rev) ~= ARGV[8] then saved = 4 end
end
if saved == 5 then
  redis.call('SET', KEYS[4], ARGV[5])
  redis.call('ZADD', KEYS[5], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[6], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[7], ARGV[6], ARGV[7])
  redis.call('RPUSH', KEYS[8], ARGV[9])
end
redis.call('LPOP', KEYS[1])
local nxt = redis.call('LINDEX', KEYS[1], 0)
if nxt then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return {'next', saved, nxt, redis.call('GET', KEYS[3])}
end
redis.call('DEL', KEYS[2])
return {'done', saved}
