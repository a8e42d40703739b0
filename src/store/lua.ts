/**
 * Lua scripts: each multi-key change is one script, named with its key count (BullMQ style),
 * so a step of a conversation costs two round trips: claim, then commit.
 * Statuses are plain strings mapped to typed results in conversations.ts.
 */

/**
 * claim-4 — enqueue an inbound message and, if nobody is processing this conversation, take it.
 * KEYS: 1 inbox, 2 lock, 3 state, 4 seen
 * ARGV: 1 message JSON, 2 lock token, 3 lock TTL ms, 4 seen TTL s, 5 requireState (1/0), 6 inbox TTL s
 * Returns: {'ignored'} when requireState and no state (group chatter not addressed to the bot)
 *          {'duplicate'} when the message id was seen before
 *          {'queued', pttl} when another holder will process it (or its lock expires in pttl ms)
 *          {'run', headMessage|false, stateJSON|false} — false: the head is this very message
 */
export const claim4 = `
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[3]) == 0 then return {'ignored'} end
if not redis.call('SET', KEYS[4], '1', 'NX', 'EX', ARGV[4]) then return {'duplicate'} end
local len = redis.call('RPUSH', KEYS[1], ARGV[1])
if len == 1 then redis.call('EXPIRE', KEYS[1], ARGV[6]) end
if not redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then
  return {'queued', redis.call('PTTL', KEYS[2])}
end
-- Our own message is the head (the usual case): say so instead of sending it back.
if len == 1 then return {'run', false, redis.call('GET', KEYS[3])} end
return {'run', redis.call('LINDEX', KEYS[1], 0), redis.call('GET', KEYS[3])}
`;

/**
 * kick-3 — take over a conversation whose messages wait behind an expired lock (a crashed holder).
 * KEYS: 1 inbox, 2 lock, 3 state   ARGV: 1 token, 2 lock TTL ms
 * Returns: {'empty'} | {'held', pttl} | {'run', headMessage, stateJSON|false}
 */
export const kick3 = `
if redis.call('LLEN', KEYS[1]) == 0 then return {'empty'} end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'held', redis.call('PTTL', KEYS[2])}
end
return {'run', redis.call('LINDEX', KEYS[1], 0), redis.call('GET', KEYS[3])}
`;

/** Shared tail of both commit scripts: pop the handled message, hand over the next or unlock. */
const commitTail = `
redis.call('LPOP', KEYS[1])
local nxt = redis.call('LINDEX', KEYS[1], 0)
if nxt then
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return {'next', saved, nxt, redis.call('GET', KEYS[3])}
end
redis.call('DEL', KEYS[2])
return {'done', saved}
`;

const commitHead = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return {'lost'} end
if ARGV[2] == '' then redis.call('DEL', KEYS[3]) else redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[3]) end
`;

/**
 * commit-3 — store the conversation's new state and release or pass on the lock.
 * KEYS: 1 inbox, 2 lock, 3 state
 * ARGV: 1 token, 2 state JSON ('' = conversation over), 3 state TTL s, 4 lock TTL ms
 * Returns: {'lost'} if the lock expired and was taken (nothing written)
 *          {'done', 0} | {'next', 0, headMessage, stateJSON|false}
 */
export const commit3 = `
${commitHead}
local saved = 0
${commitTail}`;

/**
 * commitSave-8 — the same, plus saving a confirmed record with all its indexes, atomically and
 * idempotently: a record id that exists already is left as it is (saved = 2).
 * KEYS: 1 inbox, 2 lock, 3 state, 4 record, 5 idxAll, 6 idxGroup, 7 idxUser, 8 groups hash
 * ARGV: 1-4 as commit-3, 5 record JSON, 6 score, 7 record id, 8 chat key, 9 chat title ('' = none)
 * Returns: as commit-3 with saved = 1 (new) or 2 (existed)
 */
export const commitSave8 = `
${commitHead}
local saved = 2
if redis.call('SET', KEYS[4], ARGV[5], 'NX') then
  saved = 1
  redis.call('ZADD', KEYS[5], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[6], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[7], ARGV[6], ARGV[7])
  if ARGV[9] ~= '' then redis.call('HSET', KEYS[8], ARGV[8], ARGV[9]) end
end
${commitTail}`;

/**
 * move-2 — hand an open draft from one conversation to another (group → private chat), but only if
 * the source is still exactly what the caller read (compare-and-set) and the target has no draft.
 * KEYS: 1 source state, 2 target state   ARGV: 1 expected source JSON, 2 new JSON, 3 TTL s
 * Returns: 1 moved, 0 source changed or gone, -1 target busy
 */
export const move2 = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('DEL', KEYS[1])
return 1
`;

/**
 * Revision check shared by the record-changing scripts: the stored record must still be at the
 * revision the caller read (records without `rev` are revision 1). Sets `saved` to 3 when the
 * record is gone and 4 when someone changed it meanwhile; nothing is written then.
 */
const revCheck = (recordKey: string, expectArg: string): string => `
local cur = redis.call('GET', ${recordKey})
if not cur then saved = 3
else
  local ok, doc = pcall(cjson.decode, cur)
  local rev = 1
  if ok and type(doc) == 'table' and type(doc['rev']) == 'number' then rev = doc['rev'] end
  if tostring(rev) ~= ${expectArg} then saved = 4 end
end
`;

/**
 * commitAmend-8 — the conversation commit plus a new revision of a reopened record: the record is
 * replaced only if still at the revision the author reopened, its indexes re-scored (the date may
 * have changed), and the change appended to the record's audit list in the same step.
 * KEYS: 1 inbox, 2 lock, 3 state, 4 record, 5 idxAll, 6 idxGroup, 7 idxUser, 8 audit list
 * ARGV: 1-4 as commit-3, 5 record JSON, 6 score, 7 record id, 8 expected revision, 9 audit entry JSON
 * Returns: as commit-3 with saved = 5 (amended), 3 (record gone) or 4 (changed meanwhile)
 */
export const commitAmend8 = `
${commitHead}
local saved = 5
${revCheck('KEYS[4]', 'ARGV[8]')}
if saved == 5 then
  redis.call('SET', KEYS[4], ARGV[5])
  redis.call('ZADD', KEYS[5], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[6], ARGV[6], ARGV[7])
  redis.call('ZADD', KEYS[7], ARGV[6], ARGV[7])
  redis.call('RPUSH', KEYS[8], ARGV[9])
end
${commitTail}`;

/**
 * updateRecord-2 — a change made to a record outside its author's draft (an approval step, a return
 * with a reason): replaced only at the expected revision, with its audit entry, atomically.
 * KEYS: 1 record, 2 audit list   ARGV: 1 expected revision, 2 record JSON, 3 audit entry JSON
 * Returns: 5 updated, 3 gone, 4 changed meanwhile
 */
export const updateRecord2 = `
local saved = 5
${revCheck('KEYS[1]', 'ARGV[1]')}
if saved == 5 then
  redis.call('SET', KEYS[1], ARGV[2])
  redis.call('RPUSH', KEYS[2], ARGV[3])
end
return saved
`;
