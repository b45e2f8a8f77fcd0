ALTER TABLE "beats" ADD COLUMN "preview_key" text;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "preview_content_type" text;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "preview_bytes" bigint;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "preview_etag" text;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "preview_duration_seconds" real;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "preview_tag" text;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "voice_tag_key" text;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "voice_tag_duration_seconds" real;