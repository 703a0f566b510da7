-- 音视频 and other interpretations published elsewhere: the address of the recording (http or https only).
alter table info_item add column media_url varchar(500);
alter table catalog_entry add column media_url varchar(500);
