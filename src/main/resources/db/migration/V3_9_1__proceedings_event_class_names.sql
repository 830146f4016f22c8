-- Issue 11 split the meetings module: MinutesCertified and the listeners DispatchTriggers,
-- DecidedMatters and NewestVersionEviction now live in se.paragraf.proceedings. The event publication
-- registry names an event by its class and a listener by its method (class, name and parameter
-- types); a publication still pending from before the split would name classes that no longer exist,
-- so it could not be read back or handed to its listener. Rewrite the names to the new ones. Only
-- pending rows can exist (completed ones are deleted); the effect keys in event_effect are plain
-- strings the handlers build and stay as they were, so a replay still finds its effect claimed.
update event_publication
set event_type = 'se.paragraf.proceedings.MinutesCertified'
where event_type = 'se.paragraf.meetings.MinutesCertified';

update event_publication
set listener_id = replace(replace(replace(replace(listener_id,
        'se.paragraf.meetings.MinutesCertified', 'se.paragraf.proceedings.MinutesCertified'),
        'se.paragraf.meetings.DispatchTriggers.', 'se.paragraf.proceedings.DispatchTriggers.'),
        'se.paragraf.meetings.DecidedMatters.', 'se.paragraf.proceedings.DecidedMatters.'),
        'se.paragraf.meetings.web.NewestVersionEviction.', 'se.paragraf.proceedings.web.NewestVersionEviction.')
where listener_id like '%se.paragraf.meetings.%';
