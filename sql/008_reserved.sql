-- Reserved for the migration another branch adds as 008 (this branch's own is 010, and
-- versions must run without gaps). This file exists only so that this branch can be tested on
-- its own: the merge drops it in favour of that branch's 008.
SELECT 1;
