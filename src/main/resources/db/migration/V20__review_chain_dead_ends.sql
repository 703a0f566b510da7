-- No dead ends in the review chain: each item keeps the chain it was submitted into, so that changing the agency's
-- chain affects only items submitted afterwards (an item in review never finds its step gone or changed).
alter table info_item add column review_steps varchar(200);

update info_item i
   set review_steps = coalesce((select c.steps from review_chain c where c.agency_id = i.agency_id),
                               'DEPT_HEAD,SECRECY_REVIEWER,LEADER')
 where i.status in ('IN_REVIEW', 'AWAITING_DETERMINATION', 'APPROVED');
