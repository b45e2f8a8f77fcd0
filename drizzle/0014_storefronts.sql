CREATE TABLE "storefronts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"accent" text DEFAULT 'violet' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"featured_beat_id" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "storefronts" ADD CONSTRAINT "storefronts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "storefronts" ADD CONSTRAINT "storefronts_featured_beat_id_beats_id_fk" FOREIGN KEY ("featured_beat_id") REFERENCES "public"."beats"("id") ON DELETE set null ON UPDATE no action;