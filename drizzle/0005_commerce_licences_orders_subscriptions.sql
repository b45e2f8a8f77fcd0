CREATE TABLE "beat_licence_tiers" (
	"beat_id" text NOT NULL,
	"tier" text NOT NULL,
	"price_cents" integer NOT NULL,
	"files" jsonb NOT NULL,
	"enabled" boolean NOT NULL,
	"streams" integer,
	"copies_sold" integer,
	"music_videos" integer,
	"radio_stations" integer,
	"paid_performances" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "beat_licence_tiers_beat_id_tier_pk" PRIMARY KEY("beat_id","tier")
);
--> statement-breakpoint
CREATE TABLE "beat_splits" (
	"beat_id" text NOT NULL,
	"user_id" text NOT NULL,
	"basis_points" integer NOT NULL,
	CONSTRAINT "beat_splits_beat_id_user_id_pk" PRIMARY KEY("beat_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "beat_stems" (
	"beat_id" text PRIMARY KEY NOT NULL,
	"storage_key" text NOT NULL,
	"bytes" bigint NOT NULL,
	"entries" integer NOT NULL,
	"uncompressed_bytes" bigint NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coupons" (
	"id" text PRIMARY KEY NOT NULL,
	"producer_id" text NOT NULL,
	"code" text NOT NULL,
	"code_key" text NOT NULL,
	"kind" text NOT NULL,
	"value" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" text PRIMARY KEY NOT NULL,
	"producer_id" text NOT NULL,
	"beat_id" text NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"licence_id" text NOT NULL,
	"order_id" text NOT NULL,
	"beat_id" text NOT NULL,
	"beat_title" text NOT NULL,
	"tier" text NOT NULL,
	"producer_id" text NOT NULL,
	"user_id" text NOT NULL,
	"basis_points" integer NOT NULL,
	"gross_cents" integer NOT NULL,
	"fee_cents" integer NOT NULL,
	"net_cents" integer NOT NULL,
	"fee_basis_points" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"order_item_id" text NOT NULL,
	"beat_id" text NOT NULL,
	"beat_title" text NOT NULL,
	"tier" text NOT NULL,
	"buyer_id" text NOT NULL,
	"buyer_name" text NOT NULL,
	"producer_id" text NOT NULL,
	"producer_name" text NOT NULL,
	"price_cents" integer NOT NULL,
	"files" jsonb NOT NULL,
	"caps" jsonb NOT NULL,
	"granted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"beat_id" text NOT NULL,
	"beat_title" text NOT NULL,
	"producer_id" text NOT NULL,
	"tier" text NOT NULL,
	"price_cents" integer NOT NULL,
	"discount_cents" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"buyer_id" text NOT NULL,
	"status" text NOT NULL,
	"mode" text NOT NULL,
	"currency" text NOT NULL,
	"subtotal_cents" integer NOT NULL,
	"discount_cents" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"coupon_id" text,
	"coupon_code" text,
	"stripe_session_id" text,
	"stripe_payment_intent_id" text,
	"stripe_refund_id" text,
	"refund_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"processed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"user_id" text PRIMARY KEY NOT NULL,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"plan" text NOT NULL,
	"status" text NOT NULL,
	"interval" text,
	"cancel_at_period_end" boolean DEFAULT false NOT NULL,
	"current_period_end" timestamp with time zone,
	"event_created" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beat_licence_tiers" ADD CONSTRAINT "beat_licence_tiers_beat_id_beats_id_fk" FOREIGN KEY ("beat_id") REFERENCES "public"."beats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beat_splits" ADD CONSTRAINT "beat_splits_beat_id_beats_id_fk" FOREIGN KEY ("beat_id") REFERENCES "public"."beats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beat_splits" ADD CONSTRAINT "beat_splits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beat_stems" ADD CONSTRAINT "beat_stems_beat_id_beats_id_fk" FOREIGN KEY ("beat_id") REFERENCES "public"."beats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_producer_id_users_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_producer_id_users_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_beat_id_beats_id_fk" FOREIGN KEY ("beat_id") REFERENCES "public"."beats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_id_users_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_coupon_id_coupons_id_fk" FOREIGN KEY ("coupon_id") REFERENCES "public"."coupons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beat_splits_user_idx" ON "beat_splits" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coupons_live_code_unique" ON "coupons" USING btree ("producer_id","code_key") WHERE "coupons"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "coupons_code_idx" ON "coupons" USING btree ("code_key");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_beat_email_unique" ON "leads" USING btree ("beat_id","email");--> statement-breakpoint
CREATE INDEX "leads_producer_idx" ON "leads" USING btree ("producer_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_user_idx" ON "ledger_entries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_producer_idx" ON "ledger_entries" USING btree ("producer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_order_item_unique" ON "licences" USING btree ("order_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_exclusive_unique" ON "licences" USING btree ("beat_id") WHERE "licences"."tier" = 'exclusive';--> statement-breakpoint
CREATE INDEX "licences_buyer_idx" ON "licences" USING btree ("buyer_id","granted_at");--> statement-breakpoint
CREATE INDEX "licences_producer_idx" ON "licences" USING btree ("producer_id","granted_at");--> statement-breakpoint
CREATE INDEX "order_items_order_idx" ON "order_items" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("buyer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_stripe_session_unique" ON "orders" USING btree ("stripe_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_customer_unique" ON "subscriptions" USING btree ("stripe_customer_id");