using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SubmissionsCalendarCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "InForceOn",
                table: "TreatyMemberships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "JoinedOn",
                table: "TreatyMemberships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SignedOn",
                table: "TreatyMemberships",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarFeed",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeed", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeed_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Campaign",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameKm = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KeywordsEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    KeywordsKm = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FollowsMineBan = table.Column<bool>(type: "boolean", nullable: false),
                    FollowsClusterMunitions = table.Column<bool>(type: "boolean", nullable: false),
                    Template = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaign", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaign_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Submission",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StateIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    UprReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submission", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Submission_Countries_StateIso3",
                        column: x => x.StateIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Submission_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Submission_UprReview_UprReviewId",
                        column: x => x.UprReviewId,
                        principalTable: "UprReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatyImport",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Treaty = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Changes = table.Column<int>(type: "integer", nullable: false),
                    Refused = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatyImport", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignMember",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignMember_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignMember_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignMember_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TitleKm = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goal_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Statement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleKm = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    BodyEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    BodyKm = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    WelcomeFor = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statement_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Signatory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DescriptionKm = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signatory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Signatory_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Signatory_Submission_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionClusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameKm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    MemberOrganisationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionClusters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionClusters_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubmissionClusters_Submission_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submission",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatyChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Treaty = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Before = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    After = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatyChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatyChange_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TreatyChange_TreatyImport_ImportId",
                        column: x => x.ImportId,
                        principalTable: "TreatyImport",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Objective",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TitleKm = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objective", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Objective_Goal_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClusterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TextEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TextKm = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecommendationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ReportIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphs_SubmissionClusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "SubmissionClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TitleKm = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    TargetStakeholderIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    CostAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    CostCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignActions_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CampaignActions_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_CampaignActions_Objective_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objective",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignActions_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Indicator",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NameKm = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicator", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicator_Campaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaign",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Indicator_Objective_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objective",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParagraphId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphComments_SubmissionParagraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "SubmissionParagraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParagraphId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphSources_SubmissionParagraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "SubmissionParagraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionParagraphVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParagraphId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    TextEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TextKm = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Sources = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionParagraphVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionParagraphVersions_SubmissionParagraphs_ParagraphId",
                        column: x => x.ParagraphId,
                        principalTable: "SubmissionParagraphs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorMeasurement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorMeasurement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorMeasurement_Indicator_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicator",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeed_TokenHash",
                table: "CalendarFeed",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeed_UserId",
                table: "CalendarFeed",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaign_OrganisationId",
                table: "Campaign",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignActions_CampaignId_Due",
                table: "CampaignActions",
                columns: new[] { "CampaignId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignActions_Due",
                table: "CampaignActions",
                column: "Due");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignActions_ObjectiveId",
                table: "CampaignActions",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignActions_OwnerOrganisationId",
                table: "CampaignActions",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignActions_OwnerUserId",
                table: "CampaignActions",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMember_CampaignId_OrganisationId_UserId",
                table: "CampaignMember",
                columns: new[] { "CampaignId", "OrganisationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMember_OrganisationId",
                table: "CampaignMember",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMember_UserId",
                table: "CampaignMember",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Goal_CampaignId",
                table: "Goal",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicator_CampaignId",
                table: "Indicator",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicator_ObjectiveId",
                table: "Indicator",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorMeasurement_IndicatorId_Date",
                table: "IndicatorMeasurement",
                columns: new[] { "IndicatorId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Objective_GoalId",
                table: "Objective",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Signatory_OrganisationId_Status",
                table: "Signatory",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Signatory_SubmissionId_OrganisationId",
                table: "Signatory",
                columns: new[] { "SubmissionId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statement_CampaignId_WelcomeFor",
                table: "Statement",
                columns: new[] { "CampaignId", "WelcomeFor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statement_Slug",
                table: "Statement",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submission_LeadOrganisationId",
                table: "Submission",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Submission_StateIso3",
                table: "Submission",
                column: "StateIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Submission_Status",
                table: "Submission",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Submission_UprReviewId",
                table: "Submission",
                column: "UprReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionClusters_LeadOrganisationId",
                table: "SubmissionClusters",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionClusters_SubmissionId_Number",
                table: "SubmissionClusters",
                columns: new[] { "SubmissionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphComments_ParagraphId",
                table: "SubmissionParagraphComments",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphs_ClusterId_Kind_Position",
                table: "SubmissionParagraphs",
                columns: new[] { "ClusterId", "Kind", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphSources_ParagraphId",
                table: "SubmissionParagraphSources",
                column: "ParagraphId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionParagraphVersions_ParagraphId_Version",
                table: "SubmissionParagraphVersions",
                columns: new[] { "ParagraphId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatyChange_CountryIso3",
                table: "TreatyChange",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_TreatyChange_ImportId",
                table: "TreatyChange",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatyChange_Treaty_At",
                table: "TreatyChange",
                columns: new[] { "Treaty", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatyImport_At",
                table: "TreatyImport",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarFeed");

            migrationBuilder.DropTable(
                name: "CampaignActions");

            migrationBuilder.DropTable(
                name: "CampaignMember");

            migrationBuilder.DropTable(
                name: "IndicatorMeasurement");

            migrationBuilder.DropTable(
                name: "Signatory");

            migrationBuilder.DropTable(
                name: "Statement");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphComments");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphSources");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphVersions");

            migrationBuilder.DropTable(
                name: "TreatyChange");

            migrationBuilder.DropTable(
                name: "Indicator");

            migrationBuilder.DropTable(
                name: "SubmissionParagraphs");

            migrationBuilder.DropTable(
                name: "TreatyImport");

            migrationBuilder.DropTable(
                name: "Objective");

            migrationBuilder.DropTable(
                name: "SubmissionClusters");

            migrationBuilder.DropTable(
                name: "Goal");

            migrationBuilder.DropTable(
                name: "Submission");

            migrationBuilder.DropTable(
                name: "Campaign");

            migrationBuilder.DropColumn(
                name: "InForceOn",
                table: "TreatyMemberships");

            migrationBuilder.DropColumn(
                name: "JoinedOn",
                table: "TreatyMemberships");

            migrationBuilder.DropColumn(
                name: "SignedOn",
                table: "TreatyMemberships");
        }
    }
}
