-- Reserved for the migration another branch adds as 005 (the follow-up branch's own is 006,
-- and versions must run without gaps). This file exists only so that branch can be tested on
-- its own: the merge drops it in favour of that branch's 005.
SELECT 1;
